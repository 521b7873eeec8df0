package io.github.bootimage.iso9660;

/** The volume descriptor set terminator, ECMA-119 §8.3 (type 255). */
public record VolumeDescriptorSetTerminator() implements VolumeDescriptor {
    public static final int TYPE = 255;

    @Override
    public byte[] encode() {
        return VolumeDescriptor.header(TYPE);
    }

    public static VolumeDescriptorSetTerminator decode(byte[] b) {
        VolumeDescriptor.checkHeader(b, TYPE);
        return new VolumeDescriptorSetTerminator();
    }
}
