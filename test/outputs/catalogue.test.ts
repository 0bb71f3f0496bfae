import { describe, expect, it } from 'vitest';
import { OUTPUTS, SELECTABLE, selectOutputs } from '../../src/outputs/catalogue.js';
import { MAKERS } from '../../src/outputs/registry.js';

const ids = (outputs: readonly { readonly id: string }[]) => outputs.map((output) => output.id);

describe('the outputs registry', () => {
  it('has a maker for every output of the catalogue, and nothing else', () => {
    expect(Object.keys(MAKERS).sort()).toEqual(ids(OUTPUTS).sort());
  });

  it('gives --only its names in order, the report HTML and PDF under one', () => {
    expect(SELECTABLE).toEqual(['deck', 'slides', 'handout', 'pptx', 'report', 'html', 'images']);
  });

  it('makes everything for a plain build, in the catalogue order', () => {
    const { wanted, made } = selectOutputs(undefined, true);
    expect(ids(wanted)).toEqual([
      'deck',
      'slides.pdf',
      'handout.pdf',
      'slides.pptx',
      'report',
      'report.pdf',
      'slides.html',
      'slides-images',
    ]);
    expect(ids(made)).toEqual(ids(wanted));
  });

  it('makes what an output is made from without writing it', () => {
    const { wanted, made } = selectOutputs(['handout'], true);
    expect(ids(wanted)).toEqual(['handout.pdf']);
    expect(ids(made)).toEqual(['deck', 'slides.pdf', 'handout.pdf']);
  });

  it('makes the deck for slides.html and for the slide images, without writing it', () => {
    expect(ids(selectOutputs(['html'], true).made)).toEqual(['deck', 'slides.html']);
    expect(ids(selectOutputs(['images'], true).made)).toEqual(['deck', 'slides-images']);
  });

  it('makes slides.pptx from the deck alone', () => {
    const { wanted, made } = selectOutputs(['pptx'], true);
    expect(ids(wanted)).toEqual(['slides.pptx']);
    expect(ids(made)).toEqual(['deck', 'slides.pptx']);
  });

  it('leaves out whatever is printed with --no-pdf', () => {
    const { wanted, made } = selectOutputs(['slides', 'report', 'html', 'images'], false);
    expect(ids(wanted)).toEqual(['report', 'slides.html']);
    expect(ids(made)).toEqual(['deck', 'report', 'slides.html']);
  });
});
