"use client";

import { toCsv, type CsvCell } from "@/lib/format/csv";
import { formatNumber } from "@/lib/format/vi";

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

// Browsers refuse canvases beyond these (Chrome, Firefox: 32 767 px a side, Safari ~16 M pixels); a
// larger chart gets a smaller scale, and one too large even at scale 1 is refused with the reason.
const MAX_SIDE = 16_384;
const MAX_PIXELS = 16_000_000;

/** Why a PNG cannot be made of a chart of this size, or null when it can. */
export function pngScale(width: number, height: number): { scale: number } | { refusal: string } {
  if (width <= 0 || height <= 0)
    return { refusal: "Biểu đồ chưa hiển thị trên trang (đang thu gọn hoặc chưa vẽ xong), nên chưa tạo được ảnh." };
  // sharp enough to paste into a printed report, when the browser allows it
  for (const scale of [2, 1]) {
    if (width * scale <= MAX_SIDE && height * scale <= MAX_SIDE && width * height * scale * scale <= MAX_PIXELS)
      return { scale };
  }
  return {
    refusal: `Biểu đồ quá lớn để tạo ảnh PNG (${formatNumber(String(Math.round(width)))} × ${formatNumber(String(Math.round(height)))} điểm ảnh; trình duyệt chỉ cho phép tối đa ${formatNumber(String(MAX_SIDE))} điểm ảnh mỗi chiều). Hãy tải SVG hoặc CSV.`,
  };
}

/** Downloads the chart as PNG; resolves to null when done, or to the reason it could not be made. */
export async function downloadPng(svg: SVGSVGElement, fileName: string): Promise<string | null> {
  const { text, width, height } = standaloneSvg(svg);
  const fit = pngScale(width, height);
  if ("refusal" in fit) return fit.refusal;
  const { scale } = fit;
  try {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) return "Trình duyệt không cho vẽ ảnh (canvas) nên không tạo được PNG. Hãy tải SVG hoặc CSV.";
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) return "Trình duyệt không tạo được ảnh PNG của biểu đồ này. Hãy tải SVG hoặc CSV.";
    download(blob, `${fileName}.png`);
    return null;
  } catch {
    return "Không tạo được ảnh PNG của biểu đồ này trong trình duyệt. Hãy tải SVG hoặc CSV.";
  }
}
