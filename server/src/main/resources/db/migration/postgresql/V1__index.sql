-- Index schema version 1 (postgresql): the DICOM hierarchy, one row per resource, Orthanc public IDs.
-- Timestamps are ISO-8601 UTC text (Instant.toString()), so they sort and are portable.

CREATE TABLE patients (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    patient_id TEXT NOT NULL,
    patient_name TEXT,
    patient_birth_date TEXT,
    patient_sex TEXT,
    last_update TEXT NOT NULL
);

CREATE TABLE studies (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    parent_id BIGINT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    study_instance_uid TEXT NOT NULL,
    study_date TEXT,
    study_time TEXT,
    study_description TEXT,
    accession_number TEXT,
    referring_physician_name TEXT,
    study_id TEXT,
    institution_name TEXT,
    last_update TEXT NOT NULL
);
CREATE INDEX studies_parent ON studies(parent_id);

CREATE INDEX studies_uid ON studies(study_instance_uid);

CREATE TABLE series (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    parent_id BIGINT NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    series_instance_uid TEXT NOT NULL,
    modality TEXT,
    series_number TEXT,
    series_description TEXT,
    body_part_examined TEXT,
    series_date TEXT,
    series_time TEXT,
    protocol_name TEXT,
    manufacturer TEXT,
    station_name TEXT,
    last_update TEXT NOT NULL
);
CREATE INDEX series_parent ON series(parent_id);

CREATE INDEX series_uid ON series(series_instance_uid);

CREATE TABLE instances (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    parent_id BIGINT NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    sop_instance_uid TEXT NOT NULL UNIQUE,
    sop_class_uid TEXT NOT NULL,
    instance_number TEXT,
    acquisition_number TEXT,
    number_of_frames TEXT,
    instance_creation_date TEXT,
    instance_creation_time TEXT,
    transfer_syntax_uid TEXT,
    file_uuid TEXT NOT NULL UNIQUE,
    file_size BIGINT NOT NULL,
    file_sha256 TEXT NOT NULL,
    origin TEXT NOT NULL,
    remote_aet TEXT,
    remote_ip TEXT,
    called_aet TEXT,
    reception_date TEXT NOT NULL,
    last_update TEXT NOT NULL
);
CREATE INDEX instances_parent ON instances(parent_id);


-- Modalities added through the REST API (PUT /modalities/{id}); the configuration file's
-- ones are not copied here. definition is the Orthanc-style JSON object.
CREATE TABLE modalities (
    name TEXT PRIMARY KEY,
    definition TEXT NOT NULL
);
