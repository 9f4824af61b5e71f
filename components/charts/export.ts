"use client";

import { toCsv, type CsvCell } from "@/lib/format/csv";

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(fileName: string, header: string[], rows: CsvCell[][]) {
  download(new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" }), `${fileName}.csv`);
}

/** The chart's SVG as a standalone file: namespaces added, fonts and a white background made explicit. */
function standaloneSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(Math.round(width)));
  clone.setAttribute("height", String(Math.round(height)));
  clone.setAttribute("style", `font-family: ${getComputedStyle(svg).fontFamily}; font-size: 12px; background: #fff`);
  const bg = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", "#fff");
  clone.insertBefore(bg, clone.firstChild);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

export function downloadSvg(svg: SVGSVGElement, fileName: string) {
  download(new Blob([standaloneSvg(svg).text], { type: "image/svg+xml;charset=utf-8" }), `${fileName}.svg`);
}

export async function downloadPng(svg: SVGSVGElement, fileName: string) {
  const { text, width, height } = standaloneSvg(svg);
  const scale = 2; // sharp enough to paste into a printed report
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext("2d")!;
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (blob) download(blob, `${fileName}.png`);
}
