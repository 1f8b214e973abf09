package org.imgcluster.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlPageTest {
    @TempDir
    Path dir;

    @Test
    void escapesEveryPieceOfText() {
        String html = new HtmlPage("A & B <report>")
                .heading("<h2>")
                .paragraph("<script>alert('x') & \"y\"</script>")
                .keyValueTable("k<v", Map.of("<key>", "a&b"))
                .toHtml();

        assertThat(html).contains("<title>A &amp; B &lt;report&gt;</title>", "<h2>&lt;h2&gt;</h2>",
                "<p>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</p>",
                "<th scope=\"row\">&lt;key&gt;</th><td>a&amp;b</td>");
        assertThat(html).doesNotContain("<script>", "<report>");
    }

    @Test
    void embedsImagesAsDataUrisAndNeverReferencesOutsideFiles() throws IOException {
        Path png = dir.resolve("figure.png");
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        String html = new HtmlPage("figures").image(png, "a \"quoted\" caption").toHtml();

        assertThat(html).contains("src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png)) + "\"");
        assertThat(html).contains("data-file=\"figure.png\"", "<figcaption>a &quot;quoted&quot; caption</figcaption>");
        Matcher sources = Pattern.compile("(src|href)=\"([^\"]*)\"").matcher(html);
        while (sources.find()) {
            assertThat(sources.group(2)).startsWith("data:");
        }
        assertThat(html).doesNotContain("<link", "http://", "https://");
    }

    @Test
    void linksAreEscapedAndKeepTheirOrder() {
        Map<String, String> links = new java.util.LinkedHashMap<>();
        links.put("run <b>", "../runs/a&b/report.html");
        links.put("second", "x.html");
        String html = new HtmlPage("l").links(links).toHtml();

        assertThat(html).contains("<li><a href=\"../runs/a&amp;b/report.html\">run &lt;b&gt;</a></li>");
        assertThat(html.indexOf("run &lt;b&gt;")).isLessThan(html.indexOf("second"));
    }

    @Test
    void tablesHaveAHeaderRowAStatedOrderingAndRightAlignedNumbers() {
        String html = new HtmlPage("t").table("Scores", "by ACC, best first", List.of("method", "ACC"),
                List.of(List.of("k-means", "0.532"), List.of("GMM", "1,204"))).toHtml();

        assertThat(html).contains("<caption>Scores <span class=\"ordering\">(ordered by ACC, best first)</span></caption>",
                "<thead><tr><th scope=\"col\">method</th><th scope=\"col\">ACC</th></tr></thead>",
                "<tr><td>k-means</td><td class=\"num\">0.532</td></tr>", "<td class=\"num\">1,204</td>");
        assertThat(html.indexOf("k-means")).isLessThan(html.indexOf("GMM"));
    }

    @Test
    void rowsOfTheWrongWidthAreRefused() {
        assertThatThrownBy(() -> new HtmlPage("t").table("c", "by name", List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyValueRowsKeepTheMapOrder() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("zeta", "1");
        rows.put("alpha", "2");
        String html = new HtmlPage("t").keyValueTable("Stats", rows).toHtml();

        assertThat(html.indexOf("zeta")).isLessThan(html.indexOf("alpha"));
    }

    @Test
    void writesTheWholePageAsUtf8() throws IOException {
        HtmlPage page = new HtmlPage("µ ± σ").paragraph("über");
        Path file = dir.resolve("page.html");
        page.write(file);

        assertThat(Files.readString(file)).isEqualTo(page.toHtml()).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
    }
}
