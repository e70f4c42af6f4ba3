package io.tessera.dicom.image;

/**
 * Sequential DCT JPEG with Huffman coding, ITU-T T.81 Annex F (processes 1, 2 and 4): baseline and extended, 8- and
 * 12-bit samples, 1 to 4 components, interleaved or one scan per component, restart intervals. Written because the
 * ImageIO readers (the JDK's and TwelveMonkeys') refuse 12-bit DCT, which is what JPEG Extended
 * (1.2.840.10008.1.2.4.51) holds for CT and MR. The inverse DCT is the accurate integer one of the IJG library
 * (jidctint.c, "islow"), the one dcmtk's decoder uses, so results equal dcmdjpeg's.
 *
 * <p>Samples are returned as decoded, without colour conversion: a YCbCr frame stays YBR_FULL (rendering converts it
 * with the PS3.3 C.7.6.3.1.2 equations, which are JFIF's); subsampled chroma is replicated.
 */
final class JpegSequentialDct {

    private static final int[] ZIGZAG = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40,
        48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58,
        59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private final byte[] d;
    private int p;
    private final int[][] quant = new int[4][];
    private final Huffman[] dcTables = new Huffman[4];
    private final Huffman[] acTables = new Huffman[4];
    private int restartInterval;
    private int precision;
    private int width;
    private int height;
    private Component[] components;
    private int hMax = 1;
    private int vMax = 1;
    private int mcusX;
    private int mcusY;

    // Bit reader state (T.81 F.2.2.5): bytes FF 00 are a data FF; a marker ends the entropy-coded segment.
    private int bitBuf;
    private int bitCount;
    private boolean markerHit;

    private static final class Component {
        int id;
        int h;
        int v;
        int tq;
        int td;
        int ta;
        int pred;
        int planeWidth;
        int[] plane;
    }

    private static final class Huffman {
        final int[] maxCode = new int[18];
        final int[] valPtr = new int[17];
        final int[] minCode = new int[17];
        final int[] values;

        Huffman(int[] counts, int[] values) {
            this.values = values;
            int code = 0;
            int k = 0;
            for (int l = 1; l <= 16; l++) {
                valPtr[l] = k;
                minCode[l] = code;
                code += counts[l - 1];
                k += counts[l - 1];
                maxCode[l] = counts[l - 1] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }
    }

    private final ImagePixel expected;

    private JpegSequentialDct(byte[] data, ImagePixel expected) {
        this.d = data;
        this.expected = expected;
    }

    /** Decodes a sequential DCT frame into stored values. */
    static Frame decode(ImagePixel px, byte[] jpeg) throws PixelDataException {
        JpegSequentialDct dec = new JpegSequentialDct(jpeg, px);
        try {
            dec.run();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new PixelDataException("JPEG DCT stream truncated or corrupt near byte offset " + dec.p, e);
        }
        return dec.frame(px);
    }

    private int u8(int i) throws PixelDataException {
        if (i >= d.length) {
            throw new PixelDataException("JPEG stream ends at byte offset " + d.length + " inside a marker segment");
        }
        return d[i] & 0xFF;
    }

    private int u16(int i) throws PixelDataException {
        return u8(i) << 8 | u8(i + 1);
    }

    private void run() throws PixelDataException {
        if (u16(0) != 0xFFD8) {
            throw new PixelDataException("JPEG frame does not start with SOI (FF D8)");
        }
        p = 2;
        while (true) {
            int marker = nextMarker();
            switch (marker) {
                case 0xD9 -> {
                    if (components == null) {
                        throw new PixelDataException("JPEG: EOI before any frame");
                    }
                    return;
                }
                case 0xC0, 0xC1 -> startOfFrame();
                case 0xC4 -> huffmanTables();
                case 0xDB -> quantizationTables();
                case 0xDD -> {
                    restartInterval = u16(p + 2);
                    p += 2 + u16(p);
                }
                case 0xDA -> scan();
                case 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> throw new PixelDataException(
                        String.format("JPEG SOF%d (marker FF %02X) is not sequential Huffman DCT", marker - 0xC0,
                                marker));
                default -> p += u16(p); // APPn, COM, DNL and others: skip the segment
            }
            if (p >= d.length && components != null) {
                return; // tolerate a missing EOI
            }
        }
    }

    /** Skips to the next marker and returns its code, p pointing at the segment length. */
    private int nextMarker() throws PixelDataException {
        while (p < d.length && (d[p] & 0xFF) != 0xFF) {
            p++; // garbage between segments
        }
        while (p < d.length && (d[p] & 0xFF) == 0xFF) {
            p++; // fill bytes
        }
        if (p >= d.length) {
            if (components != null) {
                return 0xD9;
            }
            throw new PixelDataException("JPEG stream ends before a frame");
        }
        return d[p++] & 0xFF;
    }

    private void startOfFrame() throws PixelDataException {
        int len = u16(p);
        precision = u8(p + 2);
        height = u16(p + 3);
        width = u16(p + 5);
        int n = u8(p + 7);
        if (precision != 8 && precision != 12) {
            throw new PixelDataException("JPEG DCT sample precision " + precision + " (8 or 12 expected)");
        }
        if (width != expected.columns() || height != expected.rows() || n != expected.samplesPerPixel()) {
            // Checked before allocating: a corrupt SOF must not size the planes.
            throw new PixelDataException("JPEG frame is " + width + "x" + height + " with " + n
                    + " components, the data set says Columns " + expected.columns() + ", Rows " + expected.rows()
                    + ", Samples per Pixel " + expected.samplesPerPixel());
        }
        if (components != null) {
            throw new PixelDataException("JPEG: a second SOF in one frame");
        }
        components = new Component[n];
        for (int i = 0; i < n; i++) {
            Component c = new Component();
            c.id = u8(p + 8 + 3 * i);
            c.h = u8(p + 9 + 3 * i) >> 4;
            c.v = u8(p + 9 + 3 * i) & 15;
            c.tq = u8(p + 10 + 3 * i) & 3;
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4) {
                throw new PixelDataException("JPEG SOF: component " + c.id + " sampling " + c.h + "x" + c.v);
            }
            hMax = Math.max(hMax, c.h);
            vMax = Math.max(vMax, c.v);
            components[i] = c;
        }
        mcusX = (width + 8 * hMax - 1) / (8 * hMax);
        mcusY = (height + 8 * vMax - 1) / (8 * vMax);
        for (Component c : components) {
            c.planeWidth = mcusX * c.h * 8;
            c.plane = new int[c.planeWidth * mcusY * c.v * 8];
        }
        p += len;
    }

    private void huffmanTables() throws PixelDataException {
        int end = p + u16(p);
        int q = p + 2;
        while (q < end) {
            int tc = u8(q) >> 4;
            int th = u8(q) & 15;
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = u8(q + 1 + i);
                total += counts[i];
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = u8(q + 17 + i);
            }
            if (th > 3 || tc > 1) {
                throw new PixelDataException("JPEG DHT: table class " + tc + " id " + th);
            }
            (tc == 0 ? dcTables : acTables)[th] = new Huffman(counts, values);
            q += 17 + total;
        }
        p = end;
    }

    private void quantizationTables() throws PixelDataException {
        int end = p + u16(p);
        int q = p + 2;
        while (q < end) {
            int pq = u8(q) >> 4;
            int tq = u8(q) & 15;
            if (tq > 3) {
                throw new PixelDataException("JPEG DQT: table id " + tq);
            }
            int[] table = new int[64];
            q++;
            for (int k = 0; k < 64; k++) {
                table[ZIGZAG[k]] = pq == 0 ? u8(q + k) : u16(q + 2 * k);
            }
            q += pq == 0 ? 64 : 128;
            quant[tq] = table;
        }
        p = end;
    }

    private void scan() throws PixelDataException {
        if (components == null) {
            throw new PixelDataException("JPEG: SOS before SOF");
        }
        int len = u16(p);
        int ns = u8(p + 2);
        Component[] inScan = new Component[ns];
        for (int i = 0; i < ns; i++) {
            int id = u8(p + 3 + 2 * i);
            int t = u8(p + 4 + 2 * i);
            Component c = null;
            for (Component x : components) {
                if (x.id == id) {
                    c = x;
                }
            }
            if (c == null) {
                throw new PixelDataException("JPEG SOS names component " + id + " not in the frame");
            }
            c.td = t >> 4;
            c.ta = t & 15;
            if (dcTables[c.td] == null || acTables[c.ta] == null || quant[c.tq] == null) {
                throw new PixelDataException("JPEG SOS: component " + id + " uses a table not defined before it");
            }
            c.pred = 0;
            inScan[i] = c;
        }
        p += len;
        bitBuf = 0;
        bitCount = 0;
        markerHit = false;
        int[] coef = new int[64];
        int[] out = new int[64];
        int restarts = 0;
        if (ns == 1) {
            // Non-interleaved: the component's own blocks, left to right, top to bottom (T.81 A.2.2).
            Component c = inScan[0];
            int bw = ((width * c.h + hMax - 1) / hMax + 7) / 8;
            int bh = ((height * c.v + vMax - 1) / vMax + 7) / 8;
            int total = bw * bh;
            for (int b = 0; b < total; b++) {
                if (restartInterval > 0 && b > 0 && b % restartInterval == 0) {
                    restart(inScan, restarts++);
                }
                block(c, coef, out, b % bw, b / bw);
            }
        } else {
            int total = mcusX * mcusY;
            for (int m = 0; m < total; m++) {
                if (restartInterval > 0 && m > 0 && m % restartInterval == 0) {
                    restart(inScan, restarts++);
                }
                int mx = m % mcusX;
                int my = m / mcusX;
                for (Component c : inScan) {
                    for (int by = 0; by < c.v; by++) {
                        for (int bx = 0; bx < c.h; bx++) {
                            block(c, coef, out, mx * c.h + bx, my * c.v + by);
                        }
                    }
                }
            }
        }
        // Continue after the entropy-coded data: find the next marker that is not RSTn or stuffing.
        while (p + 1 < d.length) {
            if ((d[p] & 0xFF) == 0xFF) {
                int m = d[p + 1] & 0xFF;
                if (m != 0 && (m < 0xD0 || m > 0xD7) && m != 0xFF) {
                    return;
                }
            }
            p++;
        }
    }

    private void restart(Component[] inScan, int n) throws PixelDataException {
        bitBuf = 0;
        bitCount = 0;
        markerHit = false;
        // Find RSTn (T.81 B.2.1); tolerate its absence by resynchronising at the next marker.
        while (p + 1 < d.length && !((d[p] & 0xFF) == 0xFF && (d[p + 1] & 0xFF) >= 0xD0 && (d[p + 1] & 0xFF) <= 0xD7)) {
            p++;
        }
        if (p + 1 >= d.length) {
            throw new PixelDataException("JPEG: restart marker " + (n & 7) + " missing");
        }
        p += 2;
        for (Component c : inScan) {
            c.pred = 0;
        }
    }

    private void block(Component c, int[] coef, int[] out, int bx, int by) throws PixelDataException {
        java.util.Arrays.fill(coef, 0);
        int t = decode(dcTables[c.td]);
        int diff = t == 0 ? 0 : extend(bits(t), t);
        c.pred += diff;
        coef[0] = c.pred;
        Huffman ac = acTables[c.ta];
        for (int k = 1; k < 64; ) {
            int rs = decode(ac);
            int r = rs >> 4;
            int s = rs & 15;
            if (s == 0) {
                if (r != 15) {
                    break; // EOB
                }
                k += 16;
                continue;
            }
            k += r;
            if (k > 63) {
                throw new PixelDataException("JPEG: AC coefficient index past 63 near byte offset " + p);
            }
            coef[ZIGZAG[k]] = extend(bits(s), s);
            k++;
        }
        idct(coef, quant[c.tq], out);
        int x0 = bx * 8;
        int y0 = by * 8;
        int planeHeight = c.plane.length / c.planeWidth;
        if (x0 + 8 > c.planeWidth || y0 + 8 > planeHeight) {
            return; // a non-interleaved scan's block beyond the MCU-padded plane cannot occur; defensive
        }
        for (int y = 0; y < 8; y++) {
            System.arraycopy(out, y * 8, c.plane, (y0 + y) * c.planeWidth + x0, 8);
        }
    }

    private int readBit() throws PixelDataException {
        if (bitCount == 0) {
            fill();
        }
        bitCount--;
        return (bitBuf >> bitCount) & 1;
    }

    private void fill() {
        int b = 0;
        if (!markerHit && p < d.length) {
            b = d[p] & 0xFF;
            if (b == 0xFF) {
                int next = p + 1 < d.length ? d[p + 1] & 0xFF : 0xD9;
                if (next == 0) {
                    p += 2;
                } else {
                    markerHit = true; // T.81 F.2.2.5: past a marker the decoder sees zero bits
                    b = 0;
                }
            } else {
                p++;
            }
        }
        bitBuf = (bitBuf << 8 | b) & 0xFFFF;
        bitCount = 8;
    }

    private int bits(int n) throws PixelDataException {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 1 | readBit();
        }
        return v;
    }

    /** T.81 F.2.2.3 DECODE. */
    private int decode(Huffman h) throws PixelDataException {
        int code = readBit();
        int l = 1;
        while (code > h.maxCode[l]) {
            code = code << 1 | readBit();
            l++;
            if (l > 16) {
                throw new PixelDataException("JPEG: invalid Huffman code near byte offset " + p);
            }
        }
        int i = h.valPtr[l] + code - h.minCode[l];
        if (i < 0 || i >= h.values.length) {
            throw new PixelDataException("JPEG: Huffman code outside its table near byte offset " + p);
        }
        return h.values[i];
    }

    /** T.81 F.2.2.1 EXTEND. */
    private static int extend(int v, int t) {
        return v < (1 << (t - 1)) ? v - (1 << t) + 1 : v;
    }

    // ---- jidctint.c (IJG 6b), accurate integer inverse DCT ----

    private static final int CONST_BITS = 13;
    private static final int FIX_0_298631336 = 2446;
    private static final int FIX_0_390180644 = 3196;
    private static final int FIX_0_541196100 = 4433;
    private static final int FIX_0_765366865 = 6270;
    private static final int FIX_0_899976223 = 7373;
    private static final int FIX_1_175875602 = 9633;
    private static final int FIX_1_501321110 = 12299;
    private static final int FIX_1_847759065 = 15137;
    private static final int FIX_1_961570560 = 16069;
    private static final int FIX_2_053119869 = 16819;
    private static final int FIX_2_562915447 = 20995;
    private static final int FIX_3_072711026 = 25172;

    private static int descale(long x, int n) {
        return (int) ((x + (1L << (n - 1))) >> n);
    }

    private final int[] ws = new int[64];

    private void idct(int[] coef, int[] q, int[] out) {
        int pass1 = precision == 8 ? 2 : 1;
        int center = 1 << (precision - 1);
        int max = (1 << precision) - 1;
        for (int col = 0; col < 8; col++) {
            if (coef[8 + col] == 0 && coef[16 + col] == 0 && coef[24 + col] == 0 && coef[32 + col] == 0
                    && coef[40 + col] == 0 && coef[48 + col] == 0 && coef[56 + col] == 0) {
                int dc = coef[col] * q[col] << pass1;
                for (int r = 0; r < 8; r++) {
                    ws[8 * r + col] = dc;
                }
                continue;
            }
            long z2 = (long) coef[16 + col] * q[16 + col];
            long z3 = (long) coef[48 + col] * q[48 + col];
            long z1 = (z2 + z3) * FIX_0_541196100;
            long tmp2 = z1 + z3 * -FIX_1_847759065;
            long tmp3 = z1 + z2 * FIX_0_765366865;
            z2 = (long) coef[col] * q[col];
            z3 = (long) coef[32 + col] * q[32 + col];
            long tmp0 = (z2 + z3) << CONST_BITS;
            long tmp1 = (z2 - z3) << CONST_BITS;
            long tmp10 = tmp0 + tmp3;
            long tmp13 = tmp0 - tmp3;
            long tmp11 = tmp1 + tmp2;
            long tmp12 = tmp1 - tmp2;
            long[] odd = odd((long) coef[56 + col] * q[56 + col], (long) coef[40 + col] * q[40 + col],
                    (long) coef[24 + col] * q[24 + col], (long) coef[8 + col] * q[8 + col]);
            int sh = CONST_BITS - pass1;
            ws[col] = descale(tmp10 + odd[3], sh);
            ws[56 + col] = descale(tmp10 - odd[3], sh);
            ws[8 + col] = descale(tmp11 + odd[2], sh);
            ws[48 + col] = descale(tmp11 - odd[2], sh);
            ws[16 + col] = descale(tmp12 + odd[1], sh);
            ws[40 + col] = descale(tmp12 - odd[1], sh);
            ws[24 + col] = descale(tmp13 + odd[0], sh);
            ws[32 + col] = descale(tmp13 - odd[0], sh);
        }
        for (int row = 0; row < 8; row++) {
            int o = row * 8;
            long z2 = ws[o + 2];
            long z3 = ws[o + 6];
            long z1 = (z2 + z3) * FIX_0_541196100;
            long tmp2 = z1 + z3 * -FIX_1_847759065;
            long tmp3 = z1 + z2 * FIX_0_765366865;
            long tmp0 = ((long) ws[o] + ws[o + 4]) << CONST_BITS;
            long tmp1 = ((long) ws[o] - ws[o + 4]) << CONST_BITS;
            long tmp10 = tmp0 + tmp3;
            long tmp13 = tmp0 - tmp3;
            long tmp11 = tmp1 + tmp2;
            long tmp12 = tmp1 - tmp2;
            long[] odd = odd(ws[o + 7], ws[o + 5], ws[o + 3], ws[o + 1]);
            int sh = CONST_BITS + pass1 + 3;
            out[o] = clamp(descale(tmp10 + odd[3], sh) + center, max);
            out[o + 7] = clamp(descale(tmp10 - odd[3], sh) + center, max);
            out[o + 1] = clamp(descale(tmp11 + odd[2], sh) + center, max);
            out[o + 6] = clamp(descale(tmp11 - odd[2], sh) + center, max);
            out[o + 2] = clamp(descale(tmp12 + odd[1], sh) + center, max);
            out[o + 5] = clamp(descale(tmp12 - odd[1], sh) + center, max);
            out[o + 3] = clamp(descale(tmp13 + odd[0], sh) + center, max);
            out[o + 4] = clamp(descale(tmp13 - odd[0], sh) + center, max);
        }
    }

    /** The odd part of jidctint.c: inputs are the coefficients 7, 5, 3, 1; returns tmp0..tmp3. */
    private static long[] odd(long tmp0, long tmp1, long tmp2, long tmp3) {
        long z1 = tmp0 + tmp3;
        long z2 = tmp1 + tmp2;
        long z3 = tmp0 + tmp2;
        long z4 = tmp1 + tmp3;
        long z5 = (z3 + z4) * FIX_1_175875602;
        tmp0 *= FIX_0_298631336;
        tmp1 *= FIX_2_053119869;
        tmp2 *= FIX_3_072711026;
        tmp3 *= FIX_1_501321110;
        z1 *= -FIX_0_899976223;
        z2 *= -FIX_2_562915447;
        z3 *= -FIX_1_961570560;
        z4 *= -FIX_0_390180644;
        z3 += z5;
        z4 += z5;
        return new long[] {tmp0 + z1 + z3, tmp1 + z2 + z4, tmp2 + z2 + z3, tmp3 + z1 + z4};
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }

    // ---- output ----

    private Frame frame(ImagePixel px) throws PixelDataException {
        if (width != px.columns() || height != px.rows() || components.length != px.samplesPerPixel()) {
            throw new PixelDataException("JPEG frame is " + width + "x" + height + " with " + components.length
                    + " components, the data set says Columns " + px.columns() + ", Rows " + px.rows()
                    + ", Samples per Pixel " + px.samplesPerPixel());
        }
        int n = components.length;
        int[] samples = new int[width * height * n];
        for (int ci = 0; ci < n; ci++) {
            Component c = components[ci];
            for (int y = 0; y < height; y++) {
                int row = (y * c.v / vMax) * c.planeWidth;
                for (int x = 0; x < width; x++) {
                    samples[(y * width + x) * n + ci] = c.plane[row + x * c.h / hMax];
                }
            }
        }
        PhotometricInterpretation pi = px.photometricInterpretation();
        if (pi == PhotometricInterpretation.YBR_FULL_422 || pi == PhotometricInterpretation.YBR_PARTIAL_420
                || pi == PhotometricInterpretation.YBR_PARTIAL_422) {
            pi = PhotometricInterpretation.YBR_FULL; // chroma now at full resolution
        }
        boolean signed = px.signed() && n == 1;
        long mask = (1L << px.bitsStored()) - 1;
        if (signed || px.bitsStored() < precision) {
            for (int i = 0; i < samples.length; i++) {
                samples[i] = NativePixelData.storedValue(samples[i], mask, px.bitsStored(), signed);
            }
        }
        return new Frame(height, width, n, pi, Math.min(px.bitsStored(), precision), signed, samples);
    }
}
