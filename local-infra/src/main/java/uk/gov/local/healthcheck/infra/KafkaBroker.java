package uk.gov.local.healthcheck.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) in this JVM. Topics are never
 * auto-created: {@link #createTopics} creates them explicitly, as production does.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int port;
    private final KafkaConfig config;
    private KafkaRaftServer server;

    private KafkaBroker(int port, KafkaConfig config, KafkaRaftServer server) {
        this.port = port;
        this.config = config;
        this.server = server;
    }

    /** Starts a broker on {@code port} (0 = any free port) keeping its log in {@code logDir}; formats it on first use. */
    public static KafkaBroker start(int port, Path logDir) throws IOException {
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Files.createDirectories(logDir);
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");          // the default 50 makes the first group join slow
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", "16777216");  // the default 128 MiB on heap kills small heaps
        KafkaConfig config = KafkaConfig.fromProps(p, false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            try {
                new Formatter()
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setNodeId(config.nodeId())
                        .setClusterId(Uuid.randomUuid().toString())
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(config.metadataLogDir())
                        .setHasDynamicQuorum(false)
                        .addDirectory(logDir.toString())
                        .run();
            } catch (Exception e) {
                throw new IOException("Could not format the Kafka log directory " + logDir, e);
            }
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new KafkaBroker(brokerPort, config, server);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Topic settings the platform relies on: events are kept for ever, not Kafka's default of seven days.
     * survey.submissions.v1 is the log metrics-service is rebuilt from (POST /api/v1/admin/rebuild replays it from
     * the beginning), so an event that expired would silently drop out of every indicator after a rebuild.
     */
    public static final Map<String, String> TOPIC_CONFIG = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");

    /** Creates each topic (name → partitions) unless it exists, and gives existing ones {@link #TOPIC_CONFIG}. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        createTopics(bootstrapServers(), partitionsByTopic);
    }

    public static void createTopics(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Collection<NewTopic> topics = partitionsByTopic.entrySet().stream()
                    .map(t -> new NewTopic(t.getKey(), t.getValue(), (short) 1).configs(TOPIC_CONFIG))
                    .toList();
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topics " + partitionsByTopic.keySet(), e.getCause());
                    }
                }
            }
            // Topics created by an earlier version (a platform's data kept across upgrades) get the settings too.
            Map<ConfigResource, Collection<AlterConfigOp>> settings = new java.util.HashMap<>();
            for (String topic : partitionsByTopic.keySet()) {
                settings.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), TOPIC_CONFIG.entrySet().stream()
                        .map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET)).toList());
            }
            admin.incrementalAlterConfigs(settings).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not configure topics " + partitionsByTopic.keySet(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Timed out creating topics " + partitionsByTopic.keySet(), e);
        }
    }

    /** Stops the broker, keeping its log, so a fault test can take Kafka away and bring it back with {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts a stopped broker again on the same port with the same log: every committed record is still there. */
    public synchronized void restart() {
        if (server == null) {
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
        }
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /**
     * Runs a broker as its own process for deploy/platform:
     * {@code KafkaBroker <port> <logDir> <topic>:<partitions>...}; stops on SIGTERM.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: KafkaBroker <port> <logDir> [topic:partitions ...]");
            System.exit(2);
        }
        KafkaBroker broker = start(Integer.parseInt(args[0]), Path.of(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        Map<String, Integer> topics = new java.util.LinkedHashMap<>();
        for (String spec : List.of(args).subList(2, args.length)) {
            String[] parts = spec.split(":");
            topics.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
        }
        broker.createTopics(topics);
        System.out.println("Kafka broker ready on " + broker.bootstrapServers() + " with topics " + topics.keySet());
        Thread.currentThread().join();
    }
}
