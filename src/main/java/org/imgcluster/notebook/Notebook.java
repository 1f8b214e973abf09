package org.imgcluster.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.imgcluster.data.AtomicFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Jupyter notebook (nbformat 4) as its JSON tree: the cells in order, and the outputs the runner fills in. Fields
 * this class does not know are kept as they are.
 */
public final class Notebook {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One cell: its number (from 1, over all cells), its type ({@code code}, {@code markdown}, {@code raw}) and text. */
    public record Cell(int number, String type, String source) {
        public boolean isCode() {
            return type.equals("code");
        }
    }

    private final Path file;
    private final ObjectNode root;

    private Notebook(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /** Reads and checks a notebook: a JSON object with {@code nbformat} 4 and a list of cells, each with a type. */
    public static Notebook read(Path file) {
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new NotebookException(file + ": no such file", e);
        } catch (JsonProcessingException e) {
            throw new NotebookException(file + ": not a notebook: invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new NotebookException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new NotebookException(file + ": not a notebook: the file is not a JSON object");
        }
        if (tree.path("nbformat").asInt(-1) != 4) {
            throw new NotebookException(file + ": not a notebook in nbformat 4 (nbformat is "
                    + tree.path("nbformat") + ")");
        }
        JsonNode cells = tree.get("cells");
        if (cells == null || !cells.isArray()) {
            throw new NotebookException(file + ": not a notebook: no list of cells");
        }
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (!cell.isObject() || !cell.path("cell_type").isTextual()
                    || !(cell.path("source").isTextual() || cell.path("source").isArray())) {
                throw new NotebookException(file + ": cell " + (i + 1) + ": needs a cell_type and a source");
            }
        }
        return new Notebook(file, (ObjectNode) tree);
    }

    public Path file() {
        return file;
    }

    /** The kernel's language from the metadata ({@code language_info.name}, else the kernelspec's), or "". */
    public String language() {
        JsonNode meta = root.path("metadata");
        String info = meta.path("language_info").path("name").asText("");
        return info.isEmpty() ? meta.path("kernelspec").path("language").asText("") : info;
    }

    public List<Cell> cells() {
        List<Cell> out = new ArrayList<>();
        JsonNode cells = root.get("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            out.add(new Cell(i + 1, cell.get("cell_type").asText(), text(cell.get("source"))));
        }
        return out;
    }

    /** Replaces the outputs and execution count of the cell with this number (a code cell). */
    public void setOutputs(int cellNumber, Integer executionCount, List<CellOutput> outputs) {
        ObjectNode cell = (ObjectNode) root.get("cells").get(cellNumber - 1);
        if (executionCount == null) {
            cell.putNull("execution_count");
        } else {
            cell.put("execution_count", executionCount);
        }
        ArrayNode array = cell.putArray("outputs");
        for (CellOutput output : outputs) {
            array.add(toJson(output));
        }
    }

    /** The outputs stored in the cell with this number (empty for a cell never run or not code). */
    public List<CellOutput> outputs(int cellNumber) {
        List<CellOutput> out = new ArrayList<>();
        for (JsonNode o : root.get("cells").get(cellNumber - 1).path("outputs")) {
            String type = o.path("output_type").asText();
            switch (type) {
                case "stream" -> out.add(new CellOutput.Stream(o.path("name").asText(), text(o.get("text"))));
                case "display_data" -> {
                    JsonNode data = o.path("data");
                    if (data.has("image/png")) {
                        out.add(new CellOutput.Display("image/png", text(data.get("image/png")).strip()));
                    } else if (data.has("text/html")) {
                        out.add(new CellOutput.Display("text/html", text(data.get("text/html"))));
                    } else {
                        out.add(new CellOutput.Stream("stdout", text(data.get("text/plain"))));
                    }
                }
                case "execute_result" -> out.add(new CellOutput.Result(o.path("execution_count").asInt(),
                        text(o.path("data").get("text/plain"))));
                case "error" -> {
                    List<String> trace = new ArrayList<>();
                    o.path("traceback").forEach(t -> trace.add(t.asText()));
                    out.add(new CellOutput.Error(o.path("ename").asText(), o.path("evalue").asText(), trace));
                }
                default -> {
                    // an output type of another tool: not shown
                }
            }
        }
        return out;
    }

    /** Writes the notebook (with its outputs) as indented JSON; the file appears complete or not at all. */
    public void write(Path target) throws IOException {
        AtomicFiles.writeString(target, JSON.writeValueAsString(root) + "\n");
    }

    private static JsonNode toJson(CellOutput output) {
        ObjectNode o = JSON.createObjectNode();
        if (output instanceof CellOutput.Stream s) {
            o.put("output_type", "stream").put("name", s.name());
            o.set("text", lines(s.text()));
        } else if (output instanceof CellOutput.Display d) {
            o.put("output_type", "display_data");
            ObjectNode data = o.putObject("data");
            if (d.mime().equals("image/png")) {
                data.put("image/png", d.data());
                data.put("text/plain", "<image>");
            } else {
                data.set(d.mime(), lines(d.data()));
                data.put("text/plain", "<" + d.mime() + ">");
            }
            o.putObject("metadata");
        } else if (output instanceof CellOutput.Result r) {
            o.put("output_type", "execute_result").put("execution_count", r.executionCount());
            o.putObject("data").set("text/plain", lines(r.text()));
            o.putObject("metadata");
        } else if (output instanceof CellOutput.Error e) {
            o.put("output_type", "error").put("ename", e.name()).put("evalue", e.value());
            ArrayNode trace = o.putArray("traceback");
            e.traceback().forEach(trace::add);
        }
        return o;
    }

    /** Jupyter's multi-line string: a list of lines, each but the last ending in a newline. */
    private static ArrayNode lines(String text) {
        ArrayNode array = JSON.createArrayNode();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            array.add(text.substring(start, end));
            start = end;
        }
        return array;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder();
            node.forEach(line -> out.append(line.asText()));
            return out.toString();
        }
        return node.asText();
    }
}
