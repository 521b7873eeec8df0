package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.AtomicOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes boot results in the de-facto JUnit XML format of Ant and Surefire ({@code TEST-*.xml} with one
 * {@code testsuite}), which surefire-report, Jenkins, GitLab and GitHub test reporters read: one
 * {@code testcase} per target, the console as {@code system-out}, a {@code failure} with message and type.
 */
final class JUnitReportWriter {
    private JUnitReportWriter() {
    }

    static void write(Path file, String suite, QemuHost host, List<BootResult> results) throws BootImageException {
        try {
            AtomicOutput.writeStream(file, out -> {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", suite);
                xml.writeAttribute("tests", Integer.toString(results.size()));
                xml.writeAttribute("failures", Long.toString(results.stream().filter(r -> !r.passed()).count()));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("skipped", "0");
                xml.writeAttribute("time", seconds(results.stream().mapToLong(r -> r.duration().toMillis()).sum()));
                properties(xml, host);
                for (BootResult r : results) {
                    testcase(xml, suite, r);
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndDocument();
                xml.close();
            });
        } catch (IOException e) {
            throw AtomicOutput.failure("the boot test report", file, e);
        } catch (XMLStreamException e) {
            throw new BootImageException("Cannot write the boot test report " + file + ": " + e.getMessage(), e);
        }
    }

    private static void properties(XMLStreamWriter xml, QemuHost host) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        property(xml, "qemu", host.qemu().toString());
        property(xml, "accelerator", host.accelerator().qemuName());
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static void testcase(XMLStreamWriter xml, String suite, BootResult r) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", r.target().name());
        xml.writeAttribute("classname", suite);
        xml.writeAttribute("time", seconds(r.duration().toMillis()));
        if (r.failure().isPresent()) {
            BootFailure f = r.failure().get();
            xml.writeCharacters("\n    ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", clean(f.message().lines().findFirst().orElse("")));
            xml.writeAttribute("type", f.kind().name());
            xml.writeCharacters(clean(f.message()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(clean(r.console()));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** XML 1.0 cannot carry most control characters, not even escaped; console output may contain them. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
            b.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return b.toString();
    }
}
