package org.imgcluster.report;

import org.imgcluster.data.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds one self-contained HTML file: headings, paragraphs, tables and PNG figures embedded as base64 data
 * URIs, so the page opens offline and can be mailed as a single file. All text is HTML-escaped; the page is
 * written atomically.
 */
public final class HtmlPage {
    /** Cells that read as numbers (1,234 · -0.5 · 12% · 1e-3) are right-aligned so digits line up. */
    private static final Pattern NUMBER = Pattern.compile("[-+−]?(\\d[\\d,]*)?\\.?\\d+([eE][-+]?\\d+)?%?");

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   line-height: 1.5; color: #222; max-width: 1100px; margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 1.7rem; margin-bottom: 0.3rem; }
            h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
            h3 { font-size: 1.1rem; margin-top: 1.6rem; }
            table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; display: block; overflow-x: auto;
                    max-width: 100%; }
            caption { caption-side: top; text-align: left; font-weight: 600; padding: 0.3rem 0; }
            caption .ordering { font-weight: normal; color: #666; }
            th, td { padding: 0.3rem 0.8rem; border-bottom: 1px solid #e5e5e5; text-align: left; vertical-align: top; }
            thead th, tbody th { background: #f3f3f3; }
            tbody tr:nth-child(even) td { background: #fafafa; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1.5rem 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: #555; font-size: 0.9rem; margin-top: 0.3rem; }
            """;

    private final String title;
    private final StringBuilder body = new StringBuilder();

    /** A page whose {@code <title>} and top heading are {@code title}. */
    public HtmlPage(String title) {
        this.title = title;
    }

    public HtmlPage heading(String text) {
        return element("h2", text);
    }

    public HtmlPage subheading(String text) {
        return element("h3", text);
    }

    public HtmlPage paragraph(String text) {
        return element("p", text);
    }

    /** Text shown as written, in a fixed-width font (e.g. a classification report). */
    public HtmlPage preformatted(String text) {
        return element("pre", text);
    }

    /** A two-column table of names and values, in the map's iteration order (pass a LinkedHashMap). */
    public HtmlPage keyValueTable(String caption, Map<String, String> rows) {
        body.append("<table class=\"key-value\">\n<caption>").append(escape(caption)).append("</caption>\n<tbody>\n");
        rows.forEach((key, value) -> body.append("<tr><th scope=\"row\">").append(escape(key)).append("</th>")
                .append("<td>").append(escape(value)).append("</td></tr>\n"));
        body.append("</tbody>\n</table>\n");
        return this;
    }

    /**
     * A table with a header row. {@code ordering} says how the rows are ordered (e.g. "by accuracy, best
     * first"), because a reader otherwise cannot tell a ranking from an arbitrary order.
     */
    public HtmlPage table(String caption, String ordering, List<String> header, List<List<String>> rows) {
        body.append("<table>\n<caption>").append(escape(caption))
                .append(" <span class=\"ordering\">(ordered ").append(escape(ordering)).append(")</span></caption>\n<thead><tr>");
        header.forEach(name -> body.append("<th scope=\"col\">").append(escape(name)).append("</th>"));
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells for " + header.size() + " columns");
            }
            body.append("<tr>");
            row.forEach(value -> body.append(cell(value)));
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    /**
     * A list of links, text → href, in the map's iteration order (pass a LinkedHashMap). Hrefs are usually relative
     * paths to files beside the page (e.g. other reports), so they keep working when the folders move together.
     */
    public HtmlPage links(Map<String, String> textToHref) {
        body.append("<ul>\n");
        textToHref.forEach((text, href) -> body.append("<li><a href=\"").append(escape(href)).append("\">")
                .append(escape(text)).append("</a></li>\n"));
        body.append("</ul>\n");
        return this;
    }

    /** Embeds a PNG file; its file name is kept in the page (data-file) so readers can match it to the folder. */
    public HtmlPage image(Path png, String caption) throws IOException {
        return image(Files.readAllBytes(png), png.getFileName().toString(), caption);
    }

    /** Embeds PNG bytes as a data URI, with the caption below it and as the alt text. */
    public HtmlPage image(byte[] png, String fileName, String caption) {
        body.append("<figure>\n<img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\" alt=\"").append(escape(caption)).append("\" data-file=\"").append(escape(fileName))
                .append("\">\n<figcaption>").append(escape(caption)).append("</figcaption>\n</figure>\n");
        return this;
    }

    public String toHtml() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + "<h1>" + escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
    }

    /** Writes the page; the file appears complete or not at all. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toHtml());
    }

    /** Text made safe for element content and quoted attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private HtmlPage element(String tag, String text) {
        body.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    private static String cell(String value) {
        String open = NUMBER.matcher(value.trim()).matches() ? "<td class=\"num\">" : "<td>";
        return open + escape(value) + "</td>";
    }
}
