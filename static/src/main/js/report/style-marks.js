// Marks on the report frame's elements that more than one bundle reads.

/**
 * A stylesheet link a fetch chunk's css line added (fetch-loader.js, in the frame's runtime), whose
 * rules Export HTML and Print copy (snapshot.js, in the report libraries): "readable" when it was
 * loaded with CORS, "unreadable" when its server did not allow that.
 */
export const FETCHED_STYLE = 'data-jodide-fetched';
