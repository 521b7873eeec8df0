package io.github.bootimage.iso9660;

import io.github.bootimage.model.*;
import java.nio.file.*;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() throws Exception {
        FileTree tree = new FileTree();
        tree.add(new Entry.RegularFile(EntryPath.of("isolinux/isolinux.cfg"), 0644, 0, 0, BytesContent.utf8("hi\n")));
        tree.add(new Entry.RegularFile(EntryPath.of("LongMixedCaseName-with.many.dots.txt"), 0644, 0, 0, BytesContent.utf8("y\n")));
        tree.add(new Entry.RegularFile(EntryPath.of("verylongname1.txt"), 0644, 0, 0, BytesContent.utf8("k\n")));
        tree.add(new Entry.RegularFile(EntryPath.of("verylongname2.txt"), 0644, 0, 0, BytesContent.utf8("k2\n")));
        tree.add(new Entry.RegularFile(EntryPath.of("a/b/c/d/e/f/g/h/i/j/deep.txt"), 0600, 0, 0, BytesContent.utf8("z\n")));
        tree.add(new Entry.Symlink(EntryPath.of("lnk"), "/some/target", 0, 0));
        tree.add(new Entry.HardLink(EntryPath.of("hard"), EntryPath.of("verylongname1.txt")));
        tree.add(new Entry.DeviceNode(EntryPath.of("dev/console"), Entry.DeviceNode.Kind.CHARACTER, 5, 1, 0600, 0, 0));
        tree.add(new Entry.RegularFile(EntryPath.of("\u00fcml\u00e4ut-\u65e5\u672c.txt"), 0644, 0, 0, BytesContent.utf8("u\n")));
        IsoImageWriter.write(IsoImageRequest.of(tree, "TEST", Instant.parse("2024-01-02T03:04:05Z")), Path.of("/tmp/smoke.iso"));
    }
}
