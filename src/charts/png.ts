// PNG from the build's SVG pictures: resvg compiled to WebAssembly, with the bundled Noto Sans SC held in memory,
// so Chinese renders the same on every machine, with or without system fonts. Not the native @resvg/resvg-js: it
// takes fonts only as file paths and reads the 10 MB CJK font from disk again for every run of text (about nine
// reads per <text>), which made a chart picture take 4.8 s; this takes 1.4 s for a byte-identical PNG (measured
// 2026-12-03 on the same loaded machine), and needs no platform binary.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { initWasm, Resvg, type ResvgRenderOptions } from '@resvg/resvg-wasm';

import { PICTURE_FONT_FILES, PNG_SCALE } from './picture.ts';

// From the project root, as the fonts are: Astro's bundled pages cannot resolve files beside their sources.
const WASM = path.join(process.cwd(), 'node_modules/@resvg/resvg-wasm/index_bg.wasm');

let fonts: Uint8Array[] | undefined;
let ready: Promise<void> | undefined;

/** Loads the WebAssembly module and the fonts once per process. */
function init(): Promise<void> {
  ready ??= initWasm(readFileSync(WASM)).then(() => {
    fonts = PICTURE_FONT_FILES.map((file) => readFileSync(file));
  });
  return ready;
}

function options(scale: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontBuffers: fonts!, loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC', sansSerifFamily: 'Noto Sans SC' },
  };
}

export interface RenderedPng {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
  png: Uint8Array;
}

/** An SVG drawn at `scale` × its size with the bundled font only: the PNG and its pixels. */
export async function renderPng(svg: string, scale = PNG_SCALE): Promise<RenderedPng> {
  await init();
  const resvg = new Resvg(svg, options(scale));
  try {
    const image = resvg.render();
    try {
      return { width: image.width, height: image.height, pixels: image.pixels, png: image.asPng() };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** The PNG alone (pictures, share cards). */
export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Uint8Array<ArrayBuffer>> {
  return (await renderPng(svg, scale)).png as Uint8Array<ArrayBuffer>;
}
