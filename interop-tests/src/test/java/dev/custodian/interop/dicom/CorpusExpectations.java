package dev.custodian.interop.dicom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each file of the pydicom corpus must do, decided file by file: either our reader shows
 * the same elements and values as dcmdump ({@link Outcome#SAME_AS_DCMDUMP}), or the file is
 * broken on purpose / not DICOM and must be refused with a DicomFormatException
 * ({@link Outcome#REJECTED}). Every file in the corpus must be listed: {@link CorpusIT} fails on
 * a file without an entry, so a new corpus file is never skipped silently.
 */
final class CorpusExpectations {

    enum Outcome { SAME_AS_DCMDUMP, REJECTED }

    record Expectation(Outcome outcome, String why) {
    }

    private static final Map<String, Expectation> BY_FILE = new LinkedHashMap<>();

    private CorpusExpectations() {
    }

    static Expectation of(String relativePath) {
        return BY_FILE.get(relativePath);
    }

    static Map<String, Expectation> all() {
        return Map.copyOf(BY_FILE);
    }

    private static void same(String why, String... files) {
        for (String f : files) {
            put(f, new Expectation(Outcome.SAME_AS_DCMDUMP, why));
        }
    }

    private static void rejected(String why, String... files) {
        for (String f : files) {
            put(f, new Expectation(Outcome.REJECTED, why));
        }
    }

    private static void put(String file, Expectation e) {
        if (BY_FILE.put(file, e) != null) {
            throw new IllegalStateException("two expectations for " + file);
        }
    }

    static {
        // ---- charset_files: every Specific Character Set the files use (CharsetIT checks names)
        rejected("not DICOM: the corpus' own description (text)", "charset_files/FileInfo.txt");
        same("single-byte character sets (ISO_IR 100/126/127/138/144), explicit VR LE",
                "charset_files/chrArab.dcm", "charset_files/chrFren.dcm", "charset_files/chrFrenMulti.dcm",
                "charset_files/chrGerm.dcm", "charset_files/chrGreek.dcm", "charset_files/chrHbrw.dcm",
                "charset_files/chrRuss.dcm");
        same("ISO 2022 code extensions (IR 13, 87, 149) and multi-byte sets (IR 192, GB18030)",
                "charset_files/chrH31.dcm", "charset_files/chrH32.dcm", "charset_files/chrI2.dcm",
                "charset_files/chrJapMulti.dcm", "charset_files/chrJapMultiExplicitIR6.dcm",
                "charset_files/chrKoreanMulti.dcm", "charset_files/chrX1.dcm", "charset_files/chrX2.dcm");
        same("an item with its own Specific Character Set (PS3.5 §7.5.3)",
                "charset_files/chrSQEncoding.dcm", "charset_files/chrSQEncoding1.dcm");

        // ---- test_files: transfer syntaxes and encodings
        same("Explicit VR Little Endian images and structured reports",
                "test_files/CT_small.dcm", "test_files/MR_small.dcm", "test_files/MR_small_padded.dcm",
                "test_files/SC_rgb_small_odd.dcm", "test_files/SC_ybr_full_422_uncompressed.dcm",
                "test_files/liver_1frame.dcm", "test_files/reportsi.dcm",
                "test_files/reportsi_with_empty_number_tags.dcm", "test_files/test-SR.dcm",
                "test_files/waveform_ecg.dcm", "test_files/rtdose_1frame.dcm", "test_files/badVR.dcm");
        same("Explicit VR Big Endian (PS3.5 §A.3, retired but readable)",
                "test_files/ExplVR_BigEnd.dcm", "test_files/MR_small_bigendian.dcm",
                "test_files/MR_small_expb.dcm", "test_files/liver_expb_1frame.dcm",
                "test_files/rtdose_expb.dcm", "test_files/rtdose_expb_1frame.dcm");
        same("Implicit VR Little Endian; VRs come from each reader's dictionary",
                "test_files/MR_small_implicit.dcm", "test_files/rtdose.dcm", "test_files/rtplan.dcm",
                "test_files/rtstruct.dcm", "test_files/empty_charset_LEI.dcm");
        same("Deflated Explicit VR Little Endian (PS3.5 §A.5)", "test_files/image_dfl.dcm");
        same("encapsulated JPEG / JPEG-LS / JPEG 2000 pixel data (PS3.5 §A.4): fragments compared byte for byte",
                "test_files/693_J2KI.dcm", "test_files/GDCMJ2K_TextGBR.dcm", "test_files/J2K_pixelrep_mismatch.dcm",
                "test_files/JPEG-lossy.dcm", "test_files/JPEG2000.dcm", "test_files/JPGExtended.dcm",
                "test_files/MR_small_jp2klossless.dcm", "test_files/MR_small_jpeg_ls_lossless.dcm",
                "test_files/SC_jpeg_no_color_transform.dcm", "test_files/SC_jpeg_no_color_transform_2.dcm",
                "test_files/SC_rgb_dcmtk_+eb+cr.dcm", "test_files/SC_rgb_dcmtk_+eb+cy+n1.dcm",
                "test_files/SC_rgb_dcmtk_+eb+cy+n2.dcm", "test_files/SC_rgb_dcmtk_+eb+cy+np.dcm",
                "test_files/SC_rgb_dcmtk_+eb+cy+s2.dcm", "test_files/SC_rgb_dcmtk_+eb+cy+s4.dcm",
                "test_files/SC_rgb_gdcm_KY.dcm", "test_files/SC_rgb_jpeg_app14_dcmd.dcm",
                "test_files/SC_rgb_jpeg_dcmd.dcm", "test_files/SC_rgb_jpeg_dcmtk.dcm",
                "test_files/SC_rgb_jpeg_gdcm.dcm", "test_files/SC_rgb_jpeg_lossy_gdcm.dcm",
                "test_files/SC_rgb_small_odd_jpeg.dcm");
        same("a fragment whose bytes look like a Sequence Delimitation Item: lengths, not markers, end it",
                "test_files/JPEG2000-embedded-sequence-delimiter.dcm");
        same("encapsulated RLE Lossless (PS3.5 §G)",
                "test_files/MR_small_RLE.dcm", "test_files/SC_rgb_rle.dcm", "test_files/SC_rgb_rle_16bit.dcm",
                "test_files/SC_rgb_rle_16bit_2frame.dcm", "test_files/SC_rgb_rle_2frame.dcm",
                "test_files/SC_rgb_rle_32bit.dcm", "test_files/SC_rgb_rle_32bit_2frame.dcm",
                "test_files/rtdose_rle.dcm", "test_files/rtdose_rle_1frame.dcm");
        same("UN with undefined length holding a sequence (CP-246, PS3.5 §6.2.2)", "test_files/UN_sequence.dcm");
        same("private sequences in Implicit VR (undefined length, so readable as SQ without a dictionary)",
                "test_files/priv_SQ.dcm", "test_files/nested_priv_SQ.dcm");
        same("File Meta Information without Transfer Syntax UID (0002,0010) (Type 1, PS3.10 §7.1): read as "
                + "Implicit VR Little Endian, the default syntax, as DCMTK does", "test_files/meta_missing_tsyntax.dcm");
        same("no File Meta Information Group Length (0002,0000)", "test_files/no_meta_group_length.dcm");
        same("a bare data set without preamble or meta information, explicit VR, detected like DCMTK does",
                "test_files/ExplVR_BigEndNoMeta.dcm", "test_files/ExplVR_LitEndNoMeta.dcm");
        rejected("a bare data set that starts with a stray byte 20H before (0008,0005), so its first tag reads as "
                + "(0820,0500) with a 173 MB length: not decodable (DCMTK fails the same way)", "test_files/no_meta.dcm");
        rejected("truncated on purpose: Pixel Data (7FE0,0010) is 8192 bytes long but the file ends first",
                "test_files/MR_truncated.dcm");
        rejected("truncated on purpose: an element inside a sequence runs past the end of the file",
                "test_files/rtplan_truncated.dcm");
        rejected("the meta header says JPEG Baseline (explicit VR) but the data set is Implicit VR: "
                + "(0008,0008) carries no valid VR", "test_files/SC_rgb_jpeg.dcm");
        rejected("not DICOM: text, JSON, a dcmdump listing, a gzip file",
                "test_files/README.txt", "test_files/rtplan.dump", "test_files/rtstruct.dump",
                "test_files/test1.json", "test_files/test_PN.json", "test_files/zipMR.gz",
                "test_files/dicomdirtests/README.txt", "test_files/dicomdirtests/TINY_ALPHA/README");

        // ---- dicomdirtests: Media Storage Directory files (PS3.10 §8) and the instances they index
        same("DICOMDIR (Media Storage Directory), explicit VR LE, big endian and implicit variants",
                "test_files/dicomdirtests/DICOMDIR", "test_files/dicomdirtests/DICOMDIR-bigEnd",
                "test_files/dicomdirtests/DICOMDIR-empty.dcm", "test_files/dicomdirtests/DICOMDIR-implicit",
                "test_files/dicomdirtests/DICOMDIR-nopatient",
                "test_files/dicomdirtests/DICOMDIR-reordered", "test_files/dicomdirtests/TINY_ALPHA/DICOMDIR");
        rejected("elements were cut out of the directory records without fixing the lengths: the last item "
                + "declares 248 bytes where its sequence has 224 left (DCMTK silently reads to the end)",
                "test_files/dicomdirtests/DICOMDIR-nooffset");
        same("CT/CR/MR instances referenced by the DICOMDIRs",
                "test_files/dicomdirtests/77654033/CR1/6154", "test_files/dicomdirtests/77654033/CR2/6247",
                "test_files/dicomdirtests/77654033/CR3/6278", "test_files/dicomdirtests/77654033/CT2/17106",
                "test_files/dicomdirtests/77654033/CT2/17136", "test_files/dicomdirtests/77654033/CT2/17166",
                "test_files/dicomdirtests/77654033/CT2/17196", "test_files/dicomdirtests/98892001/CT2N/6293",
                "test_files/dicomdirtests/98892001/CT2N/6924", "test_files/dicomdirtests/98892001/CT5N/2062",
                "test_files/dicomdirtests/98892001/CT5N/2392", "test_files/dicomdirtests/98892001/CT5N/2693",
                "test_files/dicomdirtests/98892001/CT5N/3023", "test_files/dicomdirtests/98892001/CT5N/3353",
                "test_files/dicomdirtests/98892003/MR1/15820", "test_files/dicomdirtests/98892003/MR1/4919",
                "test_files/dicomdirtests/98892003/MR1/5641", "test_files/dicomdirtests/98892003/MR2/15970",
                "test_files/dicomdirtests/98892003/MR2/4950", "test_files/dicomdirtests/98892003/MR2/4981",
                "test_files/dicomdirtests/98892003/MR2/5011", "test_files/dicomdirtests/98892003/MR2/6273",
                "test_files/dicomdirtests/98892003/MR2/6605", "test_files/dicomdirtests/98892003/MR2/6935",
                "test_files/dicomdirtests/98892003/MR700/4467", "test_files/dicomdirtests/98892003/MR700/4528",
                "test_files/dicomdirtests/98892003/MR700/4558", "test_files/dicomdirtests/98892003/MR700/4588",
                "test_files/dicomdirtests/98892003/MR700/4618", "test_files/dicomdirtests/98892003/MR700/4648",
                "test_files/dicomdirtests/98892003/MR700/4678");
        // TINY_ALPHA holds exactly IM000000 .. IM00001D (50 names counted in base 36).
        same("the 50 tiny instances of the TINY_ALPHA file set", tinyAlpha().toArray(String[]::new));
    }

    private static List<String> tinyAlpha() {
        String prefix = "test_files/dicomdirtests/TINY_ALPHA/PT000000/ST000000/SE000000/IM";
        return java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> prefix + String.format("%6s", Integer.toString(i, 36).toUpperCase()).replace(' ', '0'))
                .toList();
    }
}
