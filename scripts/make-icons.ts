// Regenerates appPackage/color.png and appPackage/outline.png from the procedural art (deterministic).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderColorIcon, renderOutlineIcon } from './app-package/icon-art';
import { checkColorIcon, checkOutlineIcon } from './app-package/icons';

const appPackageDir = fileURLToPath(new URL('../appPackage/', import.meta.url));

/** Render both icons, check them like the packager does, and write them to appPackage/. */
async function main(): Promise<void> {
  const icons = [
    { file: 'color.png', data: renderColorIcon(), check: checkColorIcon },
    { file: 'outline.png', data: renderOutlineIcon(), check: checkOutlineIcon },
  ];
  await mkdir(appPackageDir, { recursive: true });
  for (const icon of icons) {
    const problems = icon.check(icon.data, icon.file);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    const target = path.join(appPackageDir, icon.file);
    await writeFile(target, icon.data);
    console.log(`wrote ${path.relative(process.cwd(), target)} (${icon.data.length} bytes)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
