/**
 * The little of the DOM that the page readers use, typed structurally: the engine compiles
 * without the browser's DOM typings, and linkedom's document satisfies these shapes.
 */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Text with runs of white space (newlines, &nbsp;, tabs) made single spaces. */
export function squeeze(text: string | null | undefined): string {
  return (text ?? "").replace(/[\s\u00a0\u200b]+/g, " ").trim();
}
