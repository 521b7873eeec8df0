package io.github.bootimage.iso9660.rockridge;

import io.github.bootimage.iso9660.encoding.IsoBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Decodes the data of one System Use entry into its {@link SuspEntry} record (used by tests). */
final class SuspDecoder {
    private SuspDecoder() {
    }

    static SuspEntry decode(String sig, byte[] d) {
        switch (sig) {
            case "SP":
                return new SuspEntry.SP(d[2] & 0xFF);
            case "CE":
                return new SuspEntry.CE(IsoBytes.getBoth32(d, 0), IsoBytes.getBoth32(d, 8), IsoBytes.getBoth32(d, 16));
            case "ER":
                int i = d[0] & 0xFF;
                int ds = d[1] & 0xFF;
                int s = d[2] & 0xFF;
                return new SuspEntry.ER(new String(d, 4, i, StandardCharsets.US_ASCII),
                        new String(d, 4 + i, ds, StandardCharsets.US_ASCII),
                        new String(d, 4 + i + ds, s, StandardCharsets.US_ASCII), d[3] & 0xFF);
            case "PX":
                return new SuspEntry.PX((int) IsoBytes.getBoth32(d, 0), IsoBytes.getBoth32(d, 8),
                        IsoBytes.getBoth32(d, 16), IsoBytes.getBoth32(d, 24),
                        d.length >= 40 ? IsoBytes.getBoth32(d, 32) : 0);
            case "PN":
                return new SuspEntry.PN(IsoBytes.getBoth32(d, 0), IsoBytes.getBoth32(d, 8));
            case "NM":
                return new SuspEntry.NM(d[0] & 0xFF, Arrays.copyOfRange(d, 1, d.length));
            case "TF":
                return new SuspEntry.TF(d[0] & 0xFF, IsoBytes.getDate7(d, 1));
            case "SL":
                return decodeSl(d);
            default:
                return new SuspEntry.Unknown(sig, d);
        }
    }

    private static SuspEntry.SL decodeSl(byte[] d) {
        List<SuspEntry.SL.Component> components = new ArrayList<>();
        int p = 1;
        while (p + 2 <= d.length) {
            int len = d[p + 1] & 0xFF;
            components.add(new SuspEntry.SL.Component(d[p] & 0xFF, Arrays.copyOfRange(d, p + 2, p + 2 + len)));
            p += 2 + len;
        }
        return new SuspEntry.SL(d[0] & 0xFF, components);
    }
}
