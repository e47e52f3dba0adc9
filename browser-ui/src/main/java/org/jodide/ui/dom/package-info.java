/**
 * Browser facilities shared by the editor page, the eval frame and the embed script, bound through
 * TeaVM JSO. Their JavaScript halves are {@code page-support.js} ({@code static/src/main/js/page})
 * and {@code report-libs.js}, which the editor page and the frame put on {@code window}
 * ({@code jodidePageSupport}, {@code jodideReportLibs}); a documentation page that embeds cells
 * gets one global only, so there the same modules hang off {@code window.jodideEmbed}
 * ({@code pageSupport}, {@code reportLibs}), which each binding falls back to.
 */
package org.jodide.ui.dom;
