package org.arrival.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** asyncapi.yaml describes exactly the catalogue: its topics, event types and schemas. */
class AsyncApiTest {

    private static final Path DOCUMENT = ContractFiles.ROOT.resolve("asyncapi.yaml");
    private static final EventCatalogue CATALOGUE = EventCatalogue.instance();
    private static JsonNode root;

    @BeforeAll
    static void parse() {
        root = new YAMLMapper().readTree(ContractFiles.bytes(DOCUMENT));
    }

    @Test
    void isAsyncApi3() {
        assertThat(root.path("asyncapi").asString()).matches("3\\.[0-9]+\\.[0-9]+");
        assertThat(root.path("info").path("title").asString()).isEqualTo("Arrival events");
        assertThat(root.path("servers").path("kafka").path("protocol").asString())
                .isEqualTo("kafka");
    }

    @Test
    void channelsAreExactlyTheCatalogueTopics() {
        Set<String> addresses = new HashSet<>();
        for (JsonNode channel : root.path("channels").values()) {
            String address = channel.path("address").asString();
            assertThat(addresses.add(address)).as("one channel for %s", address).isTrue();
            TopicDefinition topic = CATALOGUE.topic(address);
            assertThat(channel.path("bindings").path("kafka").path("partitions").asInt())
                    .isEqualTo(topic.partitions());
            List<String> types = channel.path("messages")
                    .valueStream()
                    .map(m -> resolve(m).path("name").asString())
                    .toList();
            assertThat(types).as("messages of %s", address).containsExactlyInAnyOrderElementsOf(topic.eventTypes());
        }
        assertThat(addresses)
                .containsExactlyInAnyOrderElementsOf(
                        CATALOGUE.topics().stream().map(TopicDefinition::name).toList());
    }

    @Test
    void everyEventTypeHasExactlyOneMessageWithItsSchema() {
        Map<String, Integer> count = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String key : root.path("components").path("messages").propertyNames()) {
            JsonNode message = root.path("components").path("messages").get(key);
            String type = message.path("name").asString();
            count.merge(type, 1, Integer::sum);
            EventTypeDefinition definition = CATALOGUE.findType(type).orElse(null);
            if (definition == null) {
                problems.add(key + ": " + type + " is not in the catalogue");
                continue;
            }
            String ref = message.path("payload").path("$ref").asString();
            Path schema = DOCUMENT.getParent().resolve(ref).normalize();
            if (!schema.equals(ContractFiles.ROOT.resolve(definition.schema()).normalize())) {
                problems.add(key + ": payload " + ref + " is not the catalogue's " + definition.schema());
            }
            if (!schema.toFile().isFile()) {
                problems.add(key + ": payload " + ref + " does not exist");
            }
            assertThat(message.path("contentType").asString()).isEqualTo(CloudEventHeaders.JSON);
            JsonNode headers = message.path("headers");
            assertThat(headers.path("properties")
                            .path(CloudEventHeaders.TYPE)
                            .path("const")
                            .asString())
                    .as("%s ce_type", key)
                    .isEqualTo(type);
            assertThat(headers.path("properties")
                            .path(CloudEventHeaders.SPEC_VERSION)
                            .path("const")
                            .asString())
                    .isEqualTo(CloudEventHeaders.SPEC_VERSION_VALUE);
            assertThat(headers.path("required")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList())
                    .containsExactlyInAnyOrderElementsOf(CloudEventHeaders.REQUIRED);
            assertThat(headers.path("properties")
                            .path(CloudEventHeaders.DATA_CLASSIFICATION)
                            .path("enum")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList())
                    .containsExactly(java.util.Arrays.stream(DataClassification.values())
                            .map(Enum::name)
                            .toArray(String[]::new));
            assertThat(message.path("bindings")
                            .path("kafka")
                            .path("key")
                            .path("format")
                            .asString())
                    .isEqualTo("uuid");
        }
        assertThat(problems).isEmpty();
        for (EventTypeDefinition type : CATALOGUE.eventTypes()) {
            assertThat(count.getOrDefault(type.type(), 0))
                    .as("messages for %s", type.type())
                    .isEqualTo(1);
        }
    }

    @Test
    void operationsSendOnExistingChannelsWithTheirMessages() {
        Set<String> channelsWithOperation = new HashSet<>();
        assertThat(root.path("operations").size()).isPositive();
        for (JsonNode operation : root.path("operations").values()) {
            assertThat(operation.path("action").asString()).isEqualTo("send");
            String channelRef = operation.path("channel").path("$ref").asString();
            assertThat(channelRef).startsWith("#/channels/");
            JsonNode channel = resolve(operation.path("channel"));
            channelsWithOperation.add(channel.path("address").asString());
            assertThat(operation.path("messages").size()).isPositive();
            for (JsonNode message : operation.path("messages")) {
                String ref = message.path("$ref").asString();
                assertThat(ref).as("operation messages come from their channel").startsWith(channelRef + "/messages/");
                resolve(message);
            }
        }
        assertThat(channelsWithOperation)
                .containsExactlyInAnyOrderElementsOf(
                        CATALOGUE.topics().stream().map(TopicDefinition::name).toList());
    }

    /** Follows local ({@code #/...}) references inside the document. */
    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asString();
            assertThat(ref).as("local reference").startsWith("#/");
            JsonNode target = root.at(JsonPointer.compile(ref.substring(1)));
            assertThat(target.isMissingNode()).as("%s resolves", ref).isFalse();
            node = target;
        }
        return node;
    }
}
