import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";

// Fonts with every Vietnamese glyph, shipped in an npm package (@expo-google-fonts/noto-serif, OFL):
// nothing is downloaded at run time. The PDF embeds Noto Serif (no Times New Roman on a server);
// the .docx names Times New Roman, as Hướng dẫn 36-HD/VPTW asks, and Word supplies it.
// Resolved from the project folder (npm start and the tests run there), not bundled by Next.js.
const DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-serif");

export const PDF_FONTS = {
  regular: path.join(DIR, "400Regular", "NotoSerif_400Regular.ttf"),
  bold: path.join(DIR, "700Bold", "NotoSerif_700Bold.ttf"),
  italic: path.join(DIR, "400Regular_Italic", "NotoSerif_400Regular_Italic.ttf"),
  boldItalic: path.join(DIR, "700Bold_Italic", "NotoSerif_700Bold_Italic.ttf"),
} as const;

export function assertFonts(): void {
  for (const file of Object.values(PDF_FONTS))
    if (!existsSync(file)) throw new Error(`Thiếu phông chữ ${file}: hãy chạy npm install.`);
}
