package dev.custodian.interop.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the indented listing of {@code dcmdump +L -Un +Qn} into {@link DumpElement} trees.
 *
 * <p>Each element is one line: {@code (gggg,eeee) VR value  # length, VM Name}, indented two
 * spaces per nesting level. Sequences print {@code (Sequence with ... length #=n)} followed by
 * their items {@code (fffe,e000) na (Item ...)} one level deeper; encapsulated pixel data prints
 * {@code (PixelSequence #=n)} followed by {@code (fffe,e000) pi} fragments. Delimitation items are
 * structure only and are dropped. With {@code +Qn} non-ASCII bytes and markup characters are XML
 * entities ({@code &#252;}, {@code &amp;}), which this parser turns back into the original bytes,
 * then decodes text with {@code textCharset} (ISO-8859-1 keeps bytes 1:1; UTF-8 for {@code +U8}).
 */
final class DcmdumpParser {

    private static final Pattern LINE = Pattern.compile(
            "^( *)\\(([0-9a-fA-F]{4}),([0-9a-fA-F]{4})\\) (\\S\\S) (.*?) *#\\s*(u/l|\\d+), *(\\d+) [^#]*$");
    private static final Pattern ENTITY = Pattern.compile("&(#(\\d+)|amp|lt|gt|quot|apos);");
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_DELIMITATION = 0xFFFEE00D;
    private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private final Charset textCharset;

    DcmdumpParser(Charset textCharset) {
        this.textCharset = textCharset;
    }

    /** A parser for dumps without {@code +U8}: text values keep their bytes as ISO-8859-1 chars. */
    static DcmdumpParser raw() {
        return new DcmdumpParser(StandardCharsets.ISO_8859_1);
    }

    DcmdumpOutput parse(String listing) {
        List<DumpElement> meta = new ArrayList<>();
        List<DumpElement> dataSet = new ArrayList<>();
        List<DumpElement> section = dataSet;
        String syntax = "";
        List<Line> pending = new ArrayList<>();
        for (String text : listing.split("\\R")) {
            if (text.startsWith("# Dicom-Meta-Information-Header")) {
                section = flush(pending, section, meta);
            } else if (text.startsWith("# Dicom-Data-Set")) {
                section = flush(pending, section, dataSet);
            } else if (text.startsWith("# Used TransferSyntax: ") && section == dataSet) {
                syntax = text.substring("# Used TransferSyntax: ".length()).trim();
            } else if (!text.isBlank() && !text.stripLeading().startsWith("#")) {
                pending.add(Line.parse(text));
            }
        }
        flush(pending, section, section);
        return new DcmdumpOutput(meta, dataSet, syntax);
    }

    private List<DumpElement> flush(List<Line> pending, List<DumpElement> current, List<DumpElement> next) {
        if (!pending.isEmpty()) {
            current.addAll(new TreeBuilder(pending).elements(0));
            pending.clear();
        }
        return next;
    }

    /** One listing line before tree building. */
    private record Line(int depth, int tag, String vr, String value, String source) {
        static Line parse(String text) {
            Matcher m = LINE.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("unrecognised dcmdump line: " + text);
            }
            int indent = m.group(1).length();
            if (indent % 2 != 0) {
                throw new IllegalArgumentException("odd indentation in dcmdump line: " + text);
            }
            int tag = (Integer.parseInt(m.group(2), 16) << 16) | Integer.parseInt(m.group(3), 16);
            return new Line(indent / 2, tag, m.group(4), m.group(5), text);
        }
    }

    /** Builds nested elements from the flat, indented lines. */
    private final class TreeBuilder {
        private final List<Line> lines;
        private int next;

        TreeBuilder(List<Line> lines) {
            this.lines = lines;
        }

        List<DumpElement> elements(int depth) {
            List<DumpElement> out = new ArrayList<>();
            while (next < lines.size() && lines.get(next).depth() >= depth) {
                Line line = lines.get(next);
                if (line.depth() > depth) {
                    throw new IllegalArgumentException("unexpected nesting at: " + line.source());
                }
                next++;
                if (line.tag() == ITEM_DELIMITATION || line.tag() == SEQUENCE_DELIMITATION) {
                    continue;
                }
                if (line.tag() == ITEM) {
                    throw new IllegalArgumentException("item outside a sequence: " + line.source());
                }
                out.add(element(line, depth));
            }
            return out;
        }

        private DumpElement element(Line line, int depth) {
            String value = line.value();
            if (value.startsWith("(Sequence with ")) {
                return new DumpElement(line.tag(), line.vr(), "", items(depth + 1), null);
            }
            if (value.startsWith("(PixelSequence")) {
                return new DumpElement(line.tag(), line.vr(), "", null, fragments(depth + 1));
            }
            return DumpElement.of(line.tag(), line.vr(), value(line.vr(), value));
        }

        private List<List<DumpElement>> items(int depth) {
            List<List<DumpElement>> items = new ArrayList<>();
            while (next < lines.size() && lines.get(next).depth() == depth) {
                Line line = lines.get(next);
                if (line.tag() == SEQUENCE_DELIMITATION || line.tag() == ITEM_DELIMITATION) {
                    next++;
                    continue;
                }
                if (line.tag() != ITEM || !line.vr().equals("na")) {
                    throw new IllegalArgumentException("expected an item at: " + line.source());
                }
                next++;
                items.add(elements(depth + 1));
            }
            return items;
        }

        private List<String> fragments(int depth) {
            List<String> fragments = new ArrayList<>();
            while (next < lines.size() && lines.get(next).depth() == depth) {
                Line line = lines.get(next++);
                if (line.tag() == SEQUENCE_DELIMITATION) {
                    continue;
                }
                if (line.tag() != ITEM || !line.vr().equals("pi")) {
                    throw new IllegalArgumentException("expected a pixel item at: " + line.source());
                }
                fragments.add(line.value().equals("(no value available)") ? "" : line.value());
            }
            return fragments;
        }
    }

    /** The value as dcmdump meant it: brackets removed, entities decoded, text decoded. */
    private String value(String vr, String printed) {
        if (printed.equals("(no value available)")) {
            return "";
        }
        if (printed.startsWith("(not loaded)")) {
            throw new IllegalArgumentException("value not loaded; dump with +M");
        }
        if (printed.startsWith("[") && printed.endsWith("]")) {
            String inner = printed.substring(1, printed.length() - 1);
            return DumpValues.stripTextPadding(new String(unescape(inner), textCharset));
        }
        return new String(unescape(printed), StandardCharsets.ISO_8859_1);
    }

    /** Turns +Qn markup back into bytes: each char below 256 is one byte, entities are bytes. */
    static byte[] unescape(String quoted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(quoted.length());
        Matcher m = ENTITY.matcher(quoted);
        int at = 0;
        while (m.find()) {
            appendLatin1(out, quoted.substring(at, m.start()));
            String name = m.group(1);
            int b = switch (name) {
                case "amp" -> '&';
                case "lt" -> '<';
                case "gt" -> '>';
                case "quot" -> '"';
                case "apos" -> '\'';
                default -> Integer.parseInt(m.group(2));
            };
            if (b > 0xFF) {
                throw new IllegalArgumentException("entity beyond a byte: " + m.group());
            }
            out.write(b);
            at = m.end();
        }
        appendLatin1(out, quoted.substring(at));
        return out.toByteArray();
    }

    private static void appendLatin1(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes, 0, bytes.length);
    }

}
