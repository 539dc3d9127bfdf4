import { contactsPage } from '../dist/site/data.js';

export const data = { permalink: 'contacts/index.html', eleventyExcludeFromCollections: true };

export function render(data) {
  return contactsPage(data.firebreak);
}
