// Stand-in for `@salesforce/resourceUrl/kizunaEmbed`: where the demo server serves the built static
// resource (packages/embed-salesforce/dist/…/staticresources/kizunaEmbed), in Lightning's URL form.
// eslint-disable-next-line no-restricted-syntax -- Lightning's resource URL modules export the URL as default
export default '/resource/1764547200000/kizunaEmbed';
