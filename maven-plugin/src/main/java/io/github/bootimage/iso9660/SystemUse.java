package io.github.bootimage.iso9660;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import io.github.bootimage.iso9660.rockridge.SuspEntry;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The System Use entries of one directory record, split between the record itself and continuation
 * areas (SUSP §5.1) when they do not fit: the record keeps what fits before a CE entry, each
 * continuation piece lies within one sector and ends with a CE to the next piece if there is one.
 * Piece locations are set once by the planner, before anything is encoded.
 */
final class SystemUse {
    static final SystemUse EMPTY = new SystemUse(List.of(), List.of());
    private final List<SuspEntry> inline;
    private final List<Piece> pieces;

    /** A continuation area: its entries, byte length (with the trailing CE) and where it lies. */
    static final class Piece {
        final List<SuspEntry> entries;
        final int length;
        long lba = -1;
        int offset;
        Piece next;

        Piece(List<SuspEntry> entries, int length) {
            this.entries = List.copyOf(entries);
            this.length = length;
        }

        byte[] encode() {
            return SystemUse.encode(entries, next);
        }
    }

    private SystemUse(List<SuspEntry> inline, List<Piece> pieces) {
        this.inline = List.copyOf(inline);
        this.pieces = List.copyOf(pieces);
    }

    static SystemUse pack(List<SuspEntry> entries, int inlineMax) {
        int total = entries.stream().mapToInt(SuspEntry::length).sum();
        if (total <= inlineMax) {
            return new SystemUse(entries, List.of());
        }
        int i = 0;
        int used = 0;
        List<SuspEntry> inline = new ArrayList<>();
        while (i < entries.size() && used + entries.get(i).length() + SuspEntry.CE.LENGTH <= inlineMax) {
            used += entries.get(i).length();
            inline.add(entries.get(i++));
        }
        List<Piece> pieces = new ArrayList<>();
        while (i < entries.size()) {
            List<SuspEntry> piece = new ArrayList<>();
            int len = 0;
            while (i < entries.size()) {
                int need = entries.get(i).length() + (i + 1 < entries.size() ? SuspEntry.CE.LENGTH : 0);
                if (len + need > IsoBytes.SECTOR && !piece.isEmpty()) {
                    break;
                }
                len += entries.get(i).length();
                piece.add(entries.get(i++));
            }
            pieces.add(new Piece(piece, len + (i < entries.size() ? SuspEntry.CE.LENGTH : 0)));
        }
        for (int p = 0; p + 1 < pieces.size(); p++) {
            pieces.get(p).next = pieces.get(p + 1);
        }
        return new SystemUse(inline, pieces);
    }

    List<Piece> pieces() {
        return pieces;
    }

    int inlineLength() {
        return inline.stream().mapToInt(SuspEntry::length).sum() + (pieces.isEmpty() ? 0 : SuspEntry.CE.LENGTH);
    }

    byte[] inlineBytes() {
        return encode(inline, pieces.isEmpty() ? null : pieces.get(0));
    }

    private static byte[] encode(List<SuspEntry> entries, Piece next) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SuspEntry e : entries) {
            out.writeBytes(e.encode());
        }
        if (next != null) {
            if (next.lba < 0) {
                throw new IllegalStateException("continuation area not placed");
            }
            out.writeBytes(new SuspEntry.CE(next.lba, next.offset, next.length).encode());
        }
        return out.toByteArray();
    }
}
