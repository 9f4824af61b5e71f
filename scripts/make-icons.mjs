// Writes the PNG icons of the web manifest from public/icon.svg, offline, with sharp (which
// Next.js installs for its image optimisation). Run after changing the SVG: node scripts/make-icons.mjs
import path from "node:path";
import sharp from "sharp";

const pub = path.join(import.meta.dirname, "..", "public");
for (const size of [192, 512]) {
  await sharp(path.join(pub, "icon.svg"), { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(path.join(pub, `icon-${size}.png`));
}
