package org.imgcluster.notebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imgcluster.data.AtomicFiles;
import org.imgcluster.report.HtmlPage;

/**
 * An executed notebook as one self-contained HTML page: markdown cells as text (headings, lists, paragraphs,
 * {@code code}, **bold**, links), code cells as code, and their outputs beneath them, images inline as data URIs.
 */
public final class NotebookHtml {
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*|\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5;
                   color: #222; max-width: 1100px; margin: 2rem auto; padding: 0 1rem; }
            pre { padding: 0.6rem 0.8rem; overflow-x: auto; font-size: 0.85rem; margin: 0.4rem 0; }
            pre.code { background: #f5f7fa; border-left: 3px solid #4a7fb5; }
            pre.stream { background: #fff; border-left: 3px solid #ddd; }
            pre.stderr { background: #fff8f0; border-left: 3px solid #e0a060; }
            pre.error { background: #fdecec; border-left: 3px solid #c33; }
            .prompt { color: #888; font-size: 0.8rem; }
            img { max-width: 100%; height: auto; }
            table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.9rem; }
            th, td { padding: 0.25rem 0.7rem; border-bottom: 1px solid #e5e5e5; text-align: left; }
            th { background: #f3f3f3; }
            """;

    private NotebookHtml() {
    }

    public static void write(Notebook notebook, String title, Path file) throws IOException {
        AtomicFiles.writeString(file, render(notebook, title));
    }

    public static String render(Notebook notebook, String title) {
        StringBuilder body = new StringBuilder();
        for (Notebook.Cell cell : notebook.cells()) {
            if (cell.type().equals("markdown")) {
                body.append(markdown(cell.source()));
            } else if (cell.isCode()) {
                body.append("<div class=\"prompt\">cell ").append(cell.number()).append("</div>\n<pre class=\"code\">")
                        .append(HtmlPage.escape(cell.source())).append("</pre>\n");
                for (CellOutput output : notebook.outputs(cell.number())) {
                    body.append(output(output));
                }
            } else {
                body.append("<pre>").append(HtmlPage.escape(cell.source())).append("</pre>\n");
            }
        }
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + HtmlPage.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body
                + "</body>\n</html>\n";
    }

    private static String output(CellOutput output) {
        if (output instanceof CellOutput.Stream s) {
            return "<pre class=\"" + (s.name().equals("stderr") ? "stderr" : "stream") + "\">"
                    + HtmlPage.escape(s.text()) + "</pre>\n";
        }
        if (output instanceof CellOutput.Display d) {
            return d.mime().equals("text/html") ? "<div class=\"html\">" + d.data() + "</div>\n"
                    : "<div><img src=\"data:" + HtmlPage.escape(d.mime()) + ";base64," + d.data() + "\" alt=\"\"></div>\n";
        }
        if (output instanceof CellOutput.Result r) {
            return "<pre class=\"stream\">" + HtmlPage.escape(r.text()) + "</pre>\n";
        }
        CellOutput.Error e = (CellOutput.Error) output;
        return "<pre class=\"error\">" + HtmlPage.escape(String.join("\n", e.traceback())) + "</pre>\n";
    }

    /** A small part of Markdown: #-headings, - or * or 1. lists, blank-line paragraphs, inline code, bold, links. */
    static String markdown(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        String list = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            boolean bullet = line.startsWith("- ") || line.startsWith("* ");
            boolean numbered = line.matches("\\d+\\.\\s.*");
            if (line.isEmpty() || line.startsWith("#") || bullet || numbered) {
                flush(out, paragraph);
            }
            if (list != null && !(bullet || numbered)) {
                out.append("</").append(list).append(">\n");
                list = null;
            }
            if (line.startsWith("#")) {
                int level = Math.min(6, (int) line.chars().takeWhile(c -> c == '#').count());
                out.append("<h").append(level).append('>').append(inline(line.substring(level).strip()))
                        .append("</h").append(level).append(">\n");
            } else if (bullet || numbered) {
                String tag = bullet ? "ul" : "ol";
                if (!tag.equals(list)) {
                    if (list != null) {
                        out.append("</").append(list).append(">\n");
                    }
                    out.append('<').append(tag).append(">\n");
                    list = tag;
                }
                out.append("<li>").append(inline(line.replaceFirst("^(-|\\*|\\d+\\.)\\s+", ""))).append("</li>\n");
            } else if (!line.isEmpty()) {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line);
            }
        }
        flush(out, paragraph);
        if (list != null) {
            out.append("</").append(list).append(">\n");
        }
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            out.append("<p>").append(inline(paragraph.toString())).append("</p>\n");
            paragraph.setLength(0);
        }
    }

    private static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = INLINE.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(HtmlPage.escape(text.substring(at, m.start())));
            if (m.group(1) != null) {
                out.append("<code>").append(HtmlPage.escape(m.group(1))).append("</code>");
            } else if (m.group(2) != null) {
                out.append("<strong>").append(HtmlPage.escape(m.group(2))).append("</strong>");
            } else {
                out.append("<a href=\"").append(HtmlPage.escape(m.group(4))).append("\">")
                        .append(HtmlPage.escape(m.group(3))).append("</a>");
            }
            at = m.end();
        }
        return out.append(HtmlPage.escape(text.substring(at))).toString();
    }
}
