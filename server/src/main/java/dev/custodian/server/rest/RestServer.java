package dev.custodian.server.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.custodian.server.config.CustodianConfig;
import dev.custodian.server.index.Archive;
import dev.custodian.server.index.Modalities;
import dev.custodian.server.store.StorageFullException;
import dev.custodian.server.tls.HttpsMaterial;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.EndpointNotFound;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Orthanc's REST routes, Orthanc's error body, HTTP Basic authentication when
 * {@code AuthenticationEnabled}, bound to 127.0.0.1 unless {@code RemoteAccessAllowed}; HTTPS instead of
 * HTTP when {@code SslEnabled} ({@link HttpsConnector}). The operator page is served under
 * {@value #UI_PATH} behind the same authentication.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    /** Where the operator page is served. */
    public static final String UI_PATH = "/ui";

    private final CustodianConfig config;
    private final Optional<HttpsMaterial> https;
    private final Javalin app;

    /** Additional routes (e.g. the DICOM network ones) registered by the caller before start. */
    public interface Routes {
        void register(Javalin app, ObjectMapper json);
    }

    public RestServer(CustodianConfig config, Archive archive, Modalities modalities, String version,
                      PrometheusMeterRegistry metrics, Clock clock, Routes... extra) {
        this.config = config;
        this.https = HttpsMaterial.load(config.https(), clock);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        BasicAuth auth = config.authenticationEnabled() ? new BasicAuth(config.registeredUsers()) : null;
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.router.ignoreTrailingSlashes = true;
            https.ifPresent(tls -> cfg.jetty.addConnector((server, http) ->
                    HttpsConnector.create(server, http, tls, host(), config.httpPort())));
            // The operator page: static files from the jar, its library from the Alpine.js WebJar.
            cfg.staticFiles.add(files -> {
                files.hostedPath = UI_PATH;
                files.directory = "/ui";
                files.location = Location.CLASSPATH;
            });
            cfg.staticFiles.enableWebjars();
        });
        if (auth != null) {
            app.before(auth::check);
        }
        new SystemRoutes(config, archive.index(), version, metrics).register(app);
        new ResourceRoutes(archive, new ResourceJson(archive.index(), clock)).register(app);
        new ModalityRoutes(modalities, json).register(app);
        new UploadRoutes(archive, clock).register(app);
        new TagRoutes(archive).register(app);
        new FindRoutes(archive.index(), clock).register(app, json);
        app.before(UI_PATH, ctx -> {
            if (!ctx.path().endsWith("/")) { // the page's relative links need the directory form
                ctx.redirect(UI_PATH + "/");
            }
        });
        for (Routes r : extra) {
            r.register(app, json);
        }
        app.after(ctx -> LOG.debug("{} {} -> {}", ctx.method(), ctx.path(), ctx.statusCode()));
        app.exception(RestException.class, (e, ctx) -> error(ctx, e.error(), e.details()));
        app.exception(StorageFullException.class, (e, ctx) -> error(ctx, OrthancError.FULL_STORAGE, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, OrthancError.INTERNAL_ERROR, e.toString());
        });
        app.exception(EndpointNotFound.class,
                (e, ctx) -> error(ctx, OrthancError.UNKNOWN_RESOURCE, "no such route: " + ctx.method() + " " + ctx.path()));
    }

    /** The Orthanc error body: {@code HttpStatus, HttpError, Message, Details, Method, Uri, OrthancError, OrthancStatus}. */
    static void error(Context ctx, OrthancError error, String details) {
        Map<String, Object> body = new TreeMap<>();
        body.put("HttpStatus", error.httpStatus());
        body.put("HttpError", io.javalin.http.HttpStatus.forStatus(error.httpStatus()).getMessage());
        body.put("Message", error.description());
        body.put("Details", details == null ? "" : details);
        body.put("Method", ctx.method().name());
        body.put("Uri", ctx.path());
        body.put("OrthancError", error.description());
        body.put("OrthancStatus", error.code());
        ctx.status(error.httpStatus()).json(body);
    }

    /** Listens on {@code HttpPort} (0: any free port) of 127.0.0.1, or of all interfaces if remote access is allowed. */
    public RestServer start() {
        if (https.isPresent()) {
            app.start(); // the HTTPS connector, made in the constructor, replaces Javalin's plain one
        } else {
            app.start(host(), config.httpPort());
        }
        LOG.info("REST API listening on {}://{}:{}{}", https.isPresent() ? "https" : "http", host(), port(),
                https.flatMap(HttpsMaterial::clientTrust).isPresent() ? " (client certificates required)" : "");
        return this;
    }

    private String host() {
        return config.remoteAccessAllowed() ? "0.0.0.0" : "127.0.0.1";
    }

    /** The port actually bound (useful when configured as 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
