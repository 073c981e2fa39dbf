#!/usr/bin/python3
"""Writes N distinct CT instances of about 0.5 MB (512x512x16-bit, Explicit VR LE) for the
end-to-end benchmarks: one patient, one study, N/100 series, unique SOP Instance UIDs.
Usage: make-instances.py OUT_DIR [N] [SIZE_MB]   (Debian python3-pydicom)"""
import os
import sys
import uuid

import pydicom
from pydicom.dataset import FileDataset, Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian


def uid():
    return "2.25." + str(uuid.uuid4().int)


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    size_mb = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
    os.makedirs(out, exist_ok=True)
    side = int((size_mb * 1024 * 1024 / 2) ** 0.5)
    pixels = os.urandom(side * side * 2)
    study = uid()
    series = None
    for i in range(n):
        if i % 100 == 0:
            series = uid()
        ds = Dataset()
        ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
        ds.SOPInstanceUID = uid()
        ds.PatientName = "BENCH^PATIENT"
        ds.PatientID = "BENCH-0001"
        ds.PatientBirthDate = "19700101"
        ds.PatientSex = "O"
        ds.StudyInstanceUID = study
        ds.StudyDate = "20260101"
        ds.StudyTime = "120000"
        ds.AccessionNumber = "ACC0001"
        ds.StudyID = "1"
        ds.SeriesInstanceUID = series
        ds.SeriesNumber = str(i // 100 + 1)
        ds.Modality = "CT"
        ds.InstanceNumber = str(i % 100 + 1)
        ds.ImagePositionPatient = ["0", "0", str(i)]
        ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.Rows = side
        ds.Columns = side
        ds.BitsAllocated = 16
        ds.BitsStored = 12
        ds.HighBit = 11
        ds.PixelRepresentation = 0
        ds.PixelData = pixels
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = ds.SOPClassUID
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta = meta
        ds.is_little_endian = True
        ds.is_implicit_VR = False
        ds.preamble = b"\0" * 128
        ds.save_as(os.path.join(out, "ct%05d.dcm" % i), write_like_original=False)


if __name__ == "__main__":
    main()
