package org.imgcluster.notebook;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.imgcluster.report.HtmlPage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * How a notebook cell shows an image or a table, the same call under every runner:
 * <ul>
 *   <li>under {@code imgcluster notebooks} ({@link NotebookRunner}) it prints one marker line
 *       ({@value #MARKER}{@code <mime type>;base64,<data>}) that the runner turns into a {@code display_data} output
 *       ({@code image/png} or {@code text/html});</li>
 *   <li>under IJava it calls IJava's own {@code display(...)} (found by reflection, so the project does not depend on
 *       the kernel), and the front end shows the image or table;</li>
 *   <li>under any other Java kernel (JJava, rapaio, a plain JShell) it prints the same marker line: the data is all
 *       there, but the front end shows it as one long line of text.</li>
 * </ul>
 */
public final class Show {
    /** The start of a line that carries display data: {@code MARKER + mime + ";base64," + data}. */
    public static final String MARKER = "@imgcluster-display:";
    /** Set to "true" by {@link NotebookRunner} so that cells never go through a kernel's own display. */
    static final String RUNNER_PROPERTY = "imgcluster.notebook.runner";
    private static final String IJAVA_DISPLAY = "io.github.spencerpark.ijava.runtime.Display";

    private Show() {
    }

    /** Shows an image. */
    public static void image(BufferedImage image) {
        if (!kernelDisplay(image)) {
            emit("image/png", png(image));
        }
    }

    /** Shows a PNG file. */
    public static void image(Path png) {
        try {
            byte[] bytes = Files.readAllBytes(png);
            if (!kernelDisplay(ImageIO.read(png.toFile()))) {
                emit("image/png", bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shows an XChart chart (e.g. one of {@link org.imgcluster.report.Charts}) as a PNG. */
    public static void chart(Chart<?, ?> chart) {
        image(BitmapEncoder.getBufferedImage(chart));
    }

    /** Shows a table: a header row and rows of the same length, every cell escaped. */
    public static void table(List<String> header, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
        header.forEach(h -> html.append("<th>").append(HtmlPage.escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells for "
                        + header.size() + " columns");
            }
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(HtmlPage.escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        html(html.append("</tbody>\n</table>").toString());
    }

    /** Shows an HTML fragment as it is (not escaped). */
    public static void html(String fragment) {
        if (!kernelDisplay(fragment, "text/html")) {
            emit("text/html", fragment.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The marker line for this data, as {@link NotebookRunner} reads it back. */
    static String markerLine(String mime, byte[] data) {
        return MARKER + mime + ";base64," + Base64.getEncoder().encodeToString(data);
    }

    private static void emit(String mime, byte[] data) {
        System.out.println(markerLine(mime, data));
        System.out.flush();
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** IJava's {@code display(object, mimeTypes...)} when running inside IJava; false elsewhere. */
    private static boolean kernelDisplay(Object value, String... mimeTypes) {
        if (Boolean.getBoolean(RUNNER_PROPERTY)) {
            return false;
        }
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> display = Class.forName(IJAVA_DISPLAY, true, loader == null ? Show.class.getClassLoader() : loader);
            Method method = display.getMethod("display", Object.class, String[].class);
            method.invoke(null, value, mimeTypes.length == 0 ? new String[] {"image/png"} : mimeTypes);
            return true;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
    }
}
