// Eleventy renders the kit's own templates (site/*.11ty.js) from the model in _data/firebreak.js.
// Nothing else is a template: content folders are outside the input, and only 11ty.js renders.

export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy({ 'site/assets': 'assets', schemas: 'schemas' });
  const root = process.env.FIREBREAK_WATCH;
  if (root) for (const dir of ['contacts', 'plans', 'incidents', 'firebreak.yml']) eleventyConfig.addWatchTarget(dir.endsWith('.yml') ? `${root}/${dir}` : `${root}/${dir}/**/*.md`);
  eleventyConfig.setQuietMode(true);
  return {
    dir: { data: '_data', includes: '_includes' },
    templateFormats: ['11ty.js'],
  };
}
