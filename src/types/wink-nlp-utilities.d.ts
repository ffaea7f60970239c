// wink-nlp ships these utilities as CommonJS files without an exports map: ESM must name the
// file with its extension, while the package's own typings declare the extensionless name.
declare module "wink-nlp/utilities/bm25-vectorizer.js" {
  export { default } from "wink-nlp/utilities/bm25-vectorizer";
}
declare module "wink-nlp/utilities/similarity.js" {
  export { default } from "wink-nlp/utilities/similarity";
}
