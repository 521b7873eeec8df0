package io.github.bootimage.iso9660;

import io.github.bootimage.BootImageException;
import io.github.bootimage.iso9660.eltorito.BootEntry;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import java.util.Comparator;
import java.util.Map;

/**
 * Connects the planned nodes: the boot catalog file, hard links to the node that owns their data, link
 * counts and inode numbers (sequential in path order, shared by hard links), and checks boot entries.
 */
final class NodeLinker {
    private final Map<EntryPath, Node> byPath;
    private final IsoImageRequest request;

    NodeLinker(Map<EntryPath, Node> byPath, IsoImageRequest request) {
        this.byPath = byPath;
        this.request = request;
    }

    void link() throws BootImageException {
        addCatalog();
        for (Node n : byPath.values()) {
            if (n.entry instanceof Entry.HardLink h) {
                n.owner = target(h);
                n.owner.links++;
            } else if (n.isDirectory()) {
                n.links = 2 + n.children.stream().filter(Node::isDirectory).count();
            }
        }
        long ino = 1;
        for (Node n : byPath.values()) {
            if (n.owner == n) {
                n.ino = ino++;
            }
        }
        for (Node n : byPath.values()) {
            n.ino = n.owner.ino;
        }
        checkBootEntries();
    }

    private void addCatalog() throws BootImageException {
        if (request.elTorito().isEmpty() || request.elTorito().get().catalogPath().isEmpty()) {
            return;
        }
        EntryPath path = request.elTorito().get().catalogPath().get();
        if (byPath.containsKey(path)) {
            throw new BootImageException("The boot catalog path " + path + " is already a file in the image. Choose "
                    + "another catalog path (xorriso's -c), or remove that file.");
        }
        Node parent = byPath.get(path.parent());
        if (parent == null || !parent.isDirectory()) {
            throw new BootImageException("The boot catalog path " + path + " needs the directory " + path.parent()
                    + " in the image; add it, or put the catalog next to the boot loader (e.g. isolinux/boot.cat).");
        }
        Node n = new Node(new Entry.RegularFile(path, 0444, 0, 0, LayoutPlanner.CATALOG_PLACEHOLDER), parent);
        n.catalog = true;
        parent.children.add(n);
        parent.children.sort(Comparator.comparing(c -> c.entry.path()));
        byPath.put(path, n);
    }

    private Node target(Entry.HardLink h) throws BootImageException {
        Node t = byPath.get(h.target());
        for (int hops = 0; t != null && t.entry instanceof Entry.HardLink next && hops < 64; hops++) {
            t = byPath.get(next.target());
        }
        if (t == null || !(t.entry instanceof Entry.RegularFile) || t.catalog) {
            throw new BootImageException("Hard link " + h.path() + " points at " + h.target() + ", which is not a "
                    + "regular file in the image. Hard links may only name regular files; fix the link target.");
        }
        return t;
    }

    private void checkBootEntries() throws BootImageException {
        if (request.elTorito().isEmpty()) {
            return;
        }
        for (BootEntry e : request.elTorito().get().entries()) {
            Node n = byPath.get(e.image());
            if (n == null || n.owner.catalog || !(n.owner.entry instanceof Entry.RegularFile f)) {
                throw new BootImageException("The El Torito boot image " + e.image() + " is not a regular file in the "
                        + "image. Add it to the tree (e.g. isolinux/isolinux.bin or boot/grub/efi.img) or fix the path.");
            }
            if (f.content().size() == 0 || f.content().size() > Node.MAX_EXTENT) {
                throw new BootImageException("The El Torito boot image " + e.image() + " has " + f.content().size()
                        + " bytes; a boot image must be non-empty and fit one extent (below 4 GiB).");
            }
        }
    }
}
