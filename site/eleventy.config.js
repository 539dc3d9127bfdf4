// Eleventy renders the kit's own templates (site/*.11ty.js) from the model in _data/firebreak.js.
// Nothing else is a template: content folders are outside the input, and only 11ty.js renders.
import { built, leftToWrite, PASSTHROUGH } from '../dist/site/data.js';

export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy({ ...PASSTHROUGH });
  const root = process.env.FIREBREAK_WATCH;
  if (root) {
    for (const dir of ['contacts', 'plans', 'incidents', 'firebreak.yml']) eleventyConfig.addWatchTarget(dir.endsWith('.yml') ? `${root}/${dir}` : `${root}/${dir}/**/*.md`);
    // `serve` writes an edited document's own pages at once (scripts/site/quick-worker.ts); it is
    // told when a build has written the site, to write again what that build overwrote.
    eleventyConfig.on('eleventy.after', () => built());
  }
  // In `build`, the kit writes each page as it is rendered and Eleventy is left nothing to write.
  eleventyConfig.addTransform('firebreak-written', function (content) {
    leftToWrite(this.page.outputPath, content);
    return content;
  });
  eleventyConfig.setQuietMode(true);
  return {
    dir: { data: '_data', includes: '_includes' },
    templateFormats: ['11ty.js'],
  };
}
