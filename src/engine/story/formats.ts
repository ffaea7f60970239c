/** The article formats a story can come in, by file extension (apart from the readers, which load libraries). */
export type StoryFormat = "text" | "markdown" | "html";

export const FORMAT_OF_EXTENSION: Readonly<Record<string, StoryFormat>> = { ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html" };
