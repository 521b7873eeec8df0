package io.github.bootimage.iso9660;

import io.github.bootimage.BootImageException;
import io.github.bootimage.iso9660.eltorito.ElToritoConfig;
import io.github.bootimage.model.FileTree;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an ISO image is made from. {@code epoch} is every date in the image (volume dates, directory
 * records, Rock Ridge TF), so two requests with equal inputs give the same bytes.
 *
 * @param volumeId      up to 32 d-characters (A-Z 0-9 _), the label Linux shows; Joliet keeps its first 16
 * @param publisher     up to 128 a-characters, or empty
 * @param preparer      up to 128 a-characters, or empty (no tool version strings: they break reproducibility)
 * @param application   up to 128 a-characters, or empty
 */
public record IsoImageRequest(FileTree tree, String volumeId, String publisher, String preparer, String application,
        Instant epoch, boolean rockRidge, boolean joliet, Optional<ElToritoConfig> elTorito, SystemArea systemArea) {

    public IsoImageRequest {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(elTorito, "elTorito");
        Objects.requireNonNull(systemArea, "systemArea");
    }

    /** Rock Ridge and Joliet on, no boot catalog, plain system area. */
    public static IsoImageRequest of(FileTree tree, String volumeId, Instant epoch) {
        return new IsoImageRequest(tree, volumeId, "", "", "", epoch, true, true, Optional.empty(), SystemArea.EMPTY);
    }

    public IsoImageRequest withElTorito(ElToritoConfig config) {
        return new IsoImageRequest(tree, volumeId, publisher, preparer, application, epoch, rockRidge, joliet,
                Optional.of(config), systemArea);
    }

    public IsoImageRequest withSystemArea(SystemArea area) {
        return new IsoImageRequest(tree, volumeId, publisher, preparer, application, epoch, rockRidge, joliet,
                elTorito, area);
    }

    public IsoImageRequest withIds(String publisherId, String preparerId, String applicationId) {
        return new IsoImageRequest(tree, volumeId, publisherId, preparerId, applicationId, epoch, rockRidge, joliet,
                elTorito, systemArea);
    }

    public IsoImageRequest withExtensions(boolean rr, boolean jol) {
        return new IsoImageRequest(tree, volumeId, publisher, preparer, application, epoch, rr, jol, elTorito,
                systemArea);
    }

    /** Checks the identifiers before any I/O. */
    public void validate() throws BootImageException {
        if (volumeId.isEmpty() || volumeId.length() > 32 || !volumeId.matches("[A-Z0-9_]+")) {
            throw new BootImageException("Invalid ISO volume id '" + volumeId + "': use 1 to 32 characters A-Z, 0-9 "
                    + "and _ (ECMA-119 d-characters), e.g. MY_LIVE_CD. Set it with the plugin's volumeId parameter.");
        }
        checkA("publisher", publisher);
        checkA("preparer", preparer);
        checkA("application", application);
    }

    private static void checkA(String field, String value) throws BootImageException {
        // ECMA-119 §7.4.1 a-characters
        if (value.length() > 128 || !value.matches("[A-Z0-9_ !\"%&'()*+,\\-./:;<=>?]*")) {
            throw new BootImageException("Invalid ISO " + field + " id '" + value + "': use at most 128 upper case "
                    + "letters, digits, spaces and the punctuation !\"%&'()*+,-./:;<=>? (ECMA-119 a-characters).");
        }
    }
}
