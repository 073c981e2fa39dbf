package dev.custodian.server.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.dicom.OpenAssociation;
import dev.custodian.server.index.Index;
import dev.custodian.server.jobs.JobRecord;
import dev.custodian.server.jobs.JobState;
import dev.custodian.server.jobs.JobsEngine;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /summary} (beyond Orthanc): what the operator page's dashboard shows in one call —
 * Orthanc's {@code /statistics}, the storage volume's used / free / total bytes, the DICOM
 * associations open now, and the number of jobs in each state, overall and per job type.
 */
public final class SummaryRoutes implements RestServer.Routes {
    private final CustodianConfig config;
    private final Index index;
    private final JobsEngine jobs;
    private final Supplier<List<OpenAssociation>> associations;
    private final Clock clock;

    public SummaryRoutes(CustodianConfig config, Index index, JobsEngine jobs,
                         Supplier<List<OpenAssociation>> associations, Clock clock) {
        this.config = config;
        this.index = index;
        this.jobs = jobs;
        this.associations = associations;
        this.clock = clock;
    }

    @Override
    public void register(Javalin app, ObjectMapper json) {
        app.get("/summary", ctx -> ctx.json(summary()));
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> statistics = SystemRoutes.statistics(index.statistics());
        out.put("Statistics", statistics);
        out.put("Disk", disk(Long.parseLong((String) statistics.get("TotalDiskSize"))));
        out.put("OpenAssociations", associations.get().stream().map(SummaryRoutes::association).toList());
        List<JobRecord> all = jobs.list();
        out.put("Jobs", countByState(all));
        Map<String, Object> byType = new TreeMap<>();
        all.stream().map(JobRecord::type).distinct().forEach(type ->
                byType.put(type, countByState(all.stream().filter(r -> r.type().equals(type)).toList())));
        out.put("JobsByType", byType);
        out.put("Time", JobRoutes.TIME.format(clock.instant()));
        return out;
    }

    private Map<String, Object> disk(long used) {
        Map<String, Object> disk = new LinkedHashMap<>();
        Path dir = config.storageDirectory();
        disk.put("Path", dir.toString());
        disk.put("UsedBytes", used);
        try {
            FileStore store = Files.getFileStore(dir);
            disk.put("FreeBytes", store.getUsableSpace());
            disk.put("TotalBytes", store.getTotalSpace());
        } catch (IOException e) {
            throw new RestException(OrthancError.INTERNAL_ERROR, "cannot read the free space of " + dir + ": " + e.getMessage());
        }
        disk.put("MinimumFreeBytes", config.minimumFreeDiskSpaceMb() * 1024 * 1024);
        disk.put("MaximumStorageBytes", config.maximumStorageBytes());
        return disk;
    }

    /** Every state, zero included, in Orthanc's names, so a client never meets a missing key. */
    private static Map<String, Object> countByState(List<JobRecord> records) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (JobState s : JobState.values()) {
            counts.put(s.orthancName(), records.stream().filter(r -> r.state() == s).count());
        }
        return counts;
    }

    private static Map<String, Object> association(OpenAssociation a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("RemoteAet", a.callingAet());
        json.put("CalledAet", a.calledAet());
        json.put("RemoteHost", a.remoteHost());
        json.put("OpenedAt", JobRoutes.TIME.format(a.openedAt()));
        json.put("Stored", a.stored());
        json.put("Failed", a.failed());
        json.put("Echoes", a.echoes());
        return json;
    }
}
