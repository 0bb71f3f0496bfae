/** A generated deck of `slides` slides with headings, lists, a table and notes. */
export function generateDeck(slides: number): string {
  const parts = ['---', 'title: Generated deck', '---'];
  for (let i = 1; i <= slides; i++) {
    parts.push(
      `## Slide ${i}\n\n- first point of ${i}\n- second point\n\n| a | b |\n|---|---|\n| ${i} | ${i * 2} |\n\nNote: notes of slide ${i}.`,
    );
    if (i < slides) parts.push('---');
  }
  return parts.join('\n\n');
}
