// The kit's loaded and validated model, for the audience of this build. Content files are not
// Eleventy templates: their front matter never enters the data cascade.
import { siteData } from '../../dist/site/data.js';

export default async function firebreak() {
  return siteData();
}
