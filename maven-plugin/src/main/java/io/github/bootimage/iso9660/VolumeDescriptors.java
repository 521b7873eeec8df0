package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.encoding.NameMangler;
import java.io.IOException;

/** Writes the volume descriptor set (ECMA-119 §6.7.1) from LBA 16 in the order the layout planned. */
final class VolumeDescriptors {
    private VolumeDescriptors() {
    }

    static void write(Layout layout, SectorOutput out) throws IOException {
        out.expect(Layout.PVD_LBA, "primary volume descriptor");
        out.write(descriptor(layout, Node.PRIMARY).encode());
        if (layout.bootRecordLba >= 0) {
            out.expect(layout.bootRecordLba, "boot record");
            out.write(new BootRecordVolumeDescriptor(layout.catalogLba).encode());
        }
        if (layout.jolietLba >= 0) {
            out.expect(layout.jolietLba, "Joliet volume descriptor");
            out.write(descriptor(layout, Node.JOLIET).encode());
        }
        out.expect(layout.terminatorLba, "terminator");
        out.write(new VolumeDescriptorSetTerminator().encode());
    }

    static PrimaryVolumeDescriptor descriptor(Layout layout, int tree) {
        IsoImageRequest r = layout.request;
        Node root = layout.root;
        DirectoryRecord rootRecord = new DirectoryRecord(root.dirLba[tree], root.dirSize[tree], r.epoch(),
                DirectoryRecord.DIRECTORY, DirectoryRecord.SELF, new byte[0]);
        boolean joliet = tree == Node.JOLIET;
        // The Joliet volume id field holds 16 UCS-2 characters.
        String volumeId = joliet ? NameMangler.cut(r.volumeId(), 16) : r.volumeId();
        return new PrimaryVolumeDescriptor(joliet, "", volumeId, layout.volumeSectors(), layout.pathTableSize[tree],
                layout.pathTableL[tree], layout.pathTableM[tree], rootRecord, "", r.publisher(), r.preparer(),
                r.application(), r.epoch());
    }
}
