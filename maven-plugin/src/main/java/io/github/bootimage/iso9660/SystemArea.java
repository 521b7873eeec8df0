package io.github.bootimage.iso9660;

import io.github.bootimage.BootImageException;

/**
 * The parts of an image outside ISO 9660 proper (ECMA-119 §6.2.1: the first 16 sectors are the System
 * Area): an MBR/GPT for the hybrid USB layout, and a trailer after the volume such as the backup GPT.
 * The writer calls it with the final layout, so partition tables can point at files inside the ISO.
 */
public interface SystemArea {
    /** Exactly 32768 bytes written at offset 0. */
    byte[] systemArea(IsoLayout layout) throws BootImageException;

    /** Bytes appended after the last sector of the volume; fixed before the layout is planned. */
    default int trailerSize() {
        return 0;
    }

    /** Exactly {@link #trailerSize()} bytes. */
    default byte[] trailer(IsoLayout layout) throws BootImageException {
        return new byte[0];
    }

    /** An all-zero system area: a plain (non-hybrid) ISO. */
    SystemArea EMPTY = layout -> new byte[32768];
}
