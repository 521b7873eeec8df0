package io.github.bootimage.fat;

import io.github.bootimage.model.Content;
import io.github.bootimage.model.EntryPath;
import java.util.ArrayList;
import java.util.List;

/** A planned file or directory of the image: its names, its place in the data region, its children. */
final class FatNode {
    final EntryPath path;
    final Content content; // null for a directory
    final List<FatNode> children = new ArrayList<>();
    ShortNames.Name name;
    long firstCluster;
    long clusters;
    FatNode parent;

    FatNode(EntryPath path, Content content) {
        this.path = path;
        this.content = content;
    }

    boolean isDirectory() {
        return content == null;
    }

    long size() {
        return content == null ? 0 : content.size();
    }

    /** Directory entries this directory holds: dot entries or the volume label, then every child's. */
    int directoryEntries() {
        int count = path.isRoot() ? 1 : 2;
        for (FatNode child : children) {
            count += child.name.entryCount();
        }
        return count;
    }

    long directoryBytes() {
        return directoryEntries() * (long) DirectoryEntry.SIZE;
    }
}
