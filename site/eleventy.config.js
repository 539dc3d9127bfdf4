// Eleventy renders the kit's own templates (site/*.11ty.js) from the model in _data/firebreak.js.
// Nothing else is a template: content folders are outside the input, and only 11ty.js renders.

export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy({ 'site/assets': 'assets' });
  for (const dir of ['contacts', 'plans', 'incidents', 'firebreak.yml', 'dist/site']) eleventyConfig.addWatchTarget(dir);
  eleventyConfig.setQuietMode(true);
  return {
    dir: { data: '_data', includes: '_includes' },
    templateFormats: ['11ty.js'],
  };
}
