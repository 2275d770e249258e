/**
 * Where `kizuna preview` serves the exported data it was given; the plain demo answers 204 there.
 * (A module of its own: the dev server's configuration imports it and no workspace package.)
 */
export const previewDatasetPath = '/__kizuna/preview-dataset.json';
