import type { Palette } from '../config/palette.js';
import { paperPalette, type Theme } from '../config/themes.js';

export type { Palette } from '../config/palette.js';

/** The slides follow the theme (each carries its palette); paper (report, handout) is always light. */
export function paletteFor(theme: Theme, medium: 'screen' | 'paper'): Palette {
  return medium === 'screen' ? theme.palette : paperPalette();
}
