/**
 * `npm run size` (the last step of `npm run check`): fails when the list page's first-load JS,
 * gzipped, grows past its budget, or when the list, new or edit page passes issue 11's target over
 * a blank page of the same build. The budget is here and nowhere else; raise it on purpose, in the
 * commit that adds the weight and says why.
 *
 * It needs a production build, so it builds when there is none or the sources are newer (the
 * staleness rule of `npm start`, lib/cli/build.ts). In CI (`npm test`) that moves the build from the
 * browser tests, whose server then finds it fresh, to this step: the check itself costs a second.
 * Locally, a `npm run check` after a source change pays for the build once.
 */
import { ensureBuild } from "./build";
import { EDIT_PAGE, FORM_PAGE, LIST_PAGE, readBuild, toKb } from "./bundle-size";

/**
 * The list page's first-load JS budget in kB (gzip): 203.4 kB measured at its setting (25.4 kB over
 * a blank page of 178.0: dialogs, the row menu, the account switcher's combobox and the toaster
 * load on demand), + 4.6 kB.
 */
export const LIST_PAGE_BUDGET_KB = 208;
/** Issue 11's target for the list, new and edit pages: at most this much over the blank page. */
export const OVER_BLANK_PAGE_KB = 40;

function main() {
  if (!ensureBuild()) {
    console.error("size: the build failed; see the messages above.");
    process.exit(1);
  }
  const build = readBuild();
  const blank = build.blank();
  const list = build.page(LIST_PAGE);
  const misses: string[] = [];
  const kb = (bytes: number) => `${toKb(bytes).toFixed(1)} kB`;
  // Issue 11's target is per page, over the blank page of the same build: printed for each of them.
  const over = (bytes: number) => `${kb(bytes - blank.gzipBytes)} over blank`;
  console.log("First-load JS (gzip):");
  console.log(`  blank page        ${kb(blank.gzipBytes)}`);
  console.log(
    `  list page         ${kb(list.gzipBytes)}  ${over(list.gzipBytes)}  (budget ${LIST_PAGE_BUDGET_KB} kB)`,
  );
  for (const [label, route] of [
    ["new-webhook form", FORM_PAGE],
    ["edit form", EDIT_PAGE],
  ] as const) {
    const page = build.page(route).gzipBytes;
    console.log(`  ${label.padEnd(17)} ${kb(page)}  ${over(page)}`);
    if (toKb(page - blank.gzipBytes) > OVER_BLANK_PAGE_KB)
      misses.push(`the ${label} page is ${over(page)}, past ${OVER_BLANK_PAGE_KB} kB`);
  }
  if (toKb(list.gzipBytes - blank.gzipBytes) > OVER_BLANK_PAGE_KB)
    misses.push(`the list page is ${over(list.gzipBytes)}, past ${OVER_BLANK_PAGE_KB} kB`);
  if (toKb(list.gzipBytes) > LIST_PAGE_BUDGET_KB)
    misses.push(
      `the list page's first-load JS is ${kb(list.gzipBytes)}, over its budget of ${LIST_PAGE_BUDGET_KB} kB`,
    );
  if (misses.length > 0) {
    for (const miss of misses) console.error(`size: ${miss} (lib/cli/size.ts).`);
    process.exit(1);
  }
}

main();
