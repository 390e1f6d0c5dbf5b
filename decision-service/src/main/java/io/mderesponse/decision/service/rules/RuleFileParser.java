package io.mderesponse.decision.service.rules;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RuleAction;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a rules file: YAML with a {@code rules} list, each rule with {@code id}, {@code when} (CEL),
 * {@code actions}, {@code isolation}, {@code notify} and {@code dryRun}. An action is a name ({@code isolate},
 * {@code notify}, any {@link MachineActionKind}) or a one-key mapping of a name to its parameters
 * ({@code {antivirusScan: {scanType: Quick}}}); the list's order is the order the machine actions are carried
 * out. Every problem is reported with its line and column, and with the rule's id when it is in a rule; unknown
 * fields are problems too, so a misspelt {@code dryrun: true} cannot silently isolate. Nothing is constructed from
 * YAML tags: the file is only composed into nodes.
 */
public final class RuleFileParser {

    /** Larger files are refused before parsing. */
    public static final int MAX_BYTES = 1024 * 1024;

    static final String RULES = "rules";
    static final String ID = "id";
    static final String WHEN = "when";
    static final String ACTIONS = "actions";
    static final String ISOLATION = "isolation";
    static final String NOTIFY = "notify";
    static final String DRY_RUN = "dryRun";
    private static final Set<String> RULE_FIELDS = Set.of(ID, WHEN, ACTIONS, ISOLATION, NOTIFY, DRY_RUN);

    /** Ids appear in logs, decisions and Defender comments: plain characters only. */
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    /** The same plain {@code local@domain} the notifier accepts (no display name, quotes, spaces or commas). */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
                    + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final int MAX_ADDRESS_LENGTH = 254;
    private static final Set<IsolationType> RULE_ISOLATION_TYPES = Set.of(IsolationType.Full, IsolationType.Selective);

    static final String ISOLATION_TYPE = "isolationType";
    static final String SCAN_TYPE = "scanType";
    static final String MAX_FILES = "maxFiles";
    /** The parameters each kind takes; kinds not listed take none. */
    private static final Map<MachineActionKind, Set<String>> PARAMETERS = Map.of(
            MachineActionKind.ISOLATE, Set.of(ISOLATION_TYPE),
            MachineActionKind.ANTIVIRUS_SCAN, Set.of(SCAN_TYPE),
            MachineActionKind.STOP_AND_QUARANTINE_FILE, Set.of(MAX_FILES));
    /** Actions that undo each other: one rule naming both would race Defender against itself. */
    private static final Map<MachineActionKind, MachineActionKind> OPPOSITES = Map.of(
            MachineActionKind.ISOLATE, MachineActionKind.UNISOLATE,
            MachineActionKind.UNISOLATE, MachineActionKind.ISOLATE,
            MachineActionKind.RESTRICT_APP_EXECUTION, MachineActionKind.REMOVE_APP_RESTRICTION,
            MachineActionKind.REMOVE_APP_RESTRICTION, MachineActionKind.RESTRICT_APP_EXECUTION);
    /** Every name an actions list accepts, for error messages. */
    static final String ACTION_NAMES = Arrays.stream(MachineActionKind.values())
            .filter(kind -> kind != MachineActionKind.UNKNOWN).map(MachineActionKind::wireName)
            .collect(Collectors.joining(", ")) + ", notify";

    private final CelConditions conditions;

    public RuleFileParser(CelConditions conditions) {
        this.conditions = conditions;
    }

    public ParsedRuleFile parse(byte[] content) {
        String version = ContentHash.of(content);
        if (content.length > MAX_BYTES) {
            return rejected(version, error(null, 1, 1, "the file has " + content.length
                    + " bytes; at most " + MAX_BYTES + " are accepted"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return rejected(version, error(null, 1, 1, "the file is not UTF-8 text"));
        }
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            return rejected(version, mark == null ? error(null, 1, 1, "not valid YAML: " + problem + context)
                    : error(null, mark.getLine() + 1, mark.getColumn() + 1, "not valid YAML: " + problem + context));
        } catch (YAMLException e) {
            return rejected(version, error(null, 1, 1, "not valid YAML: " + e.getMessage()));
        }
        if (root == null) {
            return rejected(version, error(null, 1, 1, "the file is empty; it needs a 'rules' list"));
        }
        return new FileReader(version, new ScalarPositions(text)).read(root);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        DumperOptions unused = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(unused), unused, options);
    }

    private static ParsedRuleFile rejected(String version, RuleFileError error) {
        return new ParsedRuleFile(version, null, List.of(error));
    }

    private static RuleFileError error(String ruleId, int line, int column, String message) {
        return new RuleFileError(ruleId, line, column, message);
    }

    /** One pass over one file's nodes, collecting errors. */
    private final class FileReader {

        private final String version;
        private final ScalarPositions positions;
        private final List<RuleFileError> errors = new ArrayList<>();

        FileReader(String version, ScalarPositions positions) {
            this.version = version;
            this.positions = positions;
        }

        ParsedRuleFile read(Node root) {
            if (!(root instanceof MappingNode mapping)) {
                at(null, root, "the file must be a mapping with a 'rules' list, e.g. 'rules: [...]'");
                return result(List.of());
            }
            Map<String, NodeTuple> fields = fields(null, mapping, Set.of(RULES));
            NodeTuple rulesField = fields.get(RULES);
            if (rulesField == null) {
                at(null, root, "the file has no 'rules' list");
                return result(List.of());
            }
            if (!(rulesField.getValueNode() instanceof SequenceNode sequence)) {
                at(null, rulesField.getValueNode(), "'rules' must be a list of rules");
                return result(List.of());
            }
            List<Rule> rules = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            int index = 0;
            for (Node item : sequence.getValue()) {
                index++;
                Rule rule = readRule(item, index, ids);
                if (rule != null) {
                    rules.add(rule);
                }
            }
            return result(rules);
        }

        private ParsedRuleFile result(List<Rule> rules) {
            // In file order, as an operator reads them.
            errors.sort(Comparator.comparingInt(RuleFileError::line).thenComparingInt(RuleFileError::column));
            return errors.isEmpty() ? new ParsedRuleFile(version, new RuleSet(version, rules), List.of())
                    : new ParsedRuleFile(version, null, errors);
        }

        private Rule readRule(Node node, int index, Set<String> ids) {
            if (!(node instanceof MappingNode mapping)) {
                at(null, node, "rule " + index + " must be a mapping with id, when and actions");
                return null;
            }
            int errorsBefore = errors.size();
            // The id first, so every other error can name its rule.
            String id = readId(mapping, index, ids);
            Map<String, NodeTuple> fields = fields(id, mapping, RULE_FIELDS);
            Condition when = readWhen(id, mapping, fields.get(WHEN));
            ActionsRead actions = readActions(id, mapping, fields.get(ACTIONS));
            IsolationType isolation = readIsolation(id, fields.get(ISOLATION), fields.get(ACTIONS), actions);
            List<String> recipients = readRecipients(id, fields.get(NOTIFY), actions);
            boolean dryRun = readDryRun(id, fields.get(DRY_RUN));
            if (id == null || when == null || actions == null || errors.size() > errorsBefore) {
                return null;
            }
            return new Rule(id, when, actions.ruleActions(), isolation, recipients, dryRun,
                    actions.specs(isolation));
        }

        private String readId(MappingNode mapping, int index, Set<String> ids) {
            NodeTuple field = find(mapping, ID);
            if (field == null) {
                at(null, mapping, "rule " + index + " has no id");
                return null;
            }
            String id = scalar(null, field, "id must be text");
            if (id == null) {
                return null;
            }
            if (!RULE_ID.matcher(id).matches()) {
                at(null, field.getValueNode(), "id '" + printable(id) + "' must be 1 to 100 letters, digits, "
                        + "'.', '_', ':' or '-', starting with a letter or digit");
                return null;
            }
            if (!ids.add(id)) {
                at(id, field.getValueNode(), "another rule already has the id " + id);
            }
            return id;
        }

        private Condition readWhen(String id, MappingNode rule, NodeTuple field) {
            if (field == null) {
                at(id, rule, "the rule has no 'when' condition");
                return null;
            }
            String expression = scalar(id, field, "'when' must be a CEL expression (text)");
            if (expression == null) {
                return null;
            }
            if (expression.isBlank()) {
                at(id, field.getValueNode(), "'when' is empty");
                return null;
            }
            CelConditions.Compiled compiled = conditions.compile(expression);
            if (compiled.ok()) {
                return compiled.condition();
            }
            ScalarNode node = (ScalarNode) field.getValueNode();
            for (CelConditions.Issue issue : compiled.issues()) {
                int[] place = positions.locate(node, issue.line(), issue.column());
                errors.add(error(id, place[0], place[1], "when: " + issue.message()));
            }
            return null;
        }

        private ActionsRead readActions(String id, MappingNode rule, NodeTuple field) {
            if (field == null) {
                at(id, rule, "the rule has no 'actions' (a list of " + ACTION_NAMES + "; [] for none)");
                return null;
            }
            if (!(field.getValueNode() instanceof SequenceNode sequence)) {
                at(id, field.getValueNode(), "'actions' must be a list of " + ACTION_NAMES
                        + ", e.g. [isolate, collectInvestigationPackage, notify]");
                return null;
            }
            ActionsRead read = new ActionsRead();
            for (Node item : sequence.getValue()) {
                ListedAction listed = item instanceof MappingNode mapping ? readParameterised(id, mapping)
                        : readName(id, item);
                if (listed == null) {
                    continue;
                }
                if (listed.kind() == null) {
                    if (read.notifies) {
                        at(id, item, "the action notify is listed twice");
                    }
                    read.notifies = true;
                    continue;
                }
                if (read.listed.stream().anyMatch(other -> other.kind() == listed.kind())) {
                    at(id, item, "the action " + listed.kind().wireName() + " is listed twice");
                    continue;
                }
                MachineActionKind opposite = OPPOSITES.get(listed.kind());
                if (opposite != null && read.listed.stream().anyMatch(other -> other.kind() == opposite)) {
                    at(id, item, opposite.wireName() + " and " + listed.kind().wireName()
                            + " undo each other: a rule may name only one of them");
                    continue;
                }
                read.listed.add(listed);
            }
            return read;
        }

        /** A plain name: {@code notify} (kind null), or a machine action with its default parameters. */
        private ListedAction readName(String id, Node item) {
            String value = item instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (RuleAction.NOTIFY.wireName().equals(value)) {
                return new ListedAction(null, item, null, null, MachineActionSpec.MAX_FILES_DEFAULT);
            }
            Optional<MachineActionKind> kind = value == null ? Optional.empty() : MachineActionKind.fromWireName(value);
            if (kind.isEmpty()) {
                at(id, item, "unknown action " + (value == null ? "(not text)" : "'" + printable(value) + "'")
                        + "; the actions are " + ACTION_NAMES);
                return null;
            }
            if (kind.get() == MachineActionKind.ANTIVIRUS_SCAN) {
                at(id, item, "antivirusScan needs its scan type: {antivirusScan: {scanType: Quick}} or "
                        + "{antivirusScan: {scanType: Full}}");
                return null;
            }
            return new ListedAction(kind.get(), item, null, null, MachineActionSpec.MAX_FILES_DEFAULT);
        }

        /** A one-key mapping of a name to its parameters, e.g. {@code {antivirusScan: {scanType: Quick}}}. */
        private ListedAction readParameterised(String id, MappingNode item) {
            if (item.getValue().size() != 1) {
                at(id, item, "an action with parameters is a mapping of one name to its parameters, e.g. "
                        + "{antivirusScan: {scanType: Quick}}");
                return null;
            }
            NodeTuple tuple = item.getValue().get(0);
            String name = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (RuleAction.NOTIFY.wireName().equals(name)) {
                at(id, tuple.getValueNode(), "notify takes no parameters (its recipients are the rule's 'notify' "
                        + "field)");
                return null;
            }
            Optional<MachineActionKind> kind = name == null ? Optional.empty() : MachineActionKind.fromWireName(name);
            if (kind.isEmpty()) {
                at(id, tuple.getKeyNode(), "unknown action " + (name == null ? "(not text)"
                        : "'" + printable(name) + "'") + "; the actions are " + ACTION_NAMES);
                return null;
            }
            Set<String> known = PARAMETERS.getOrDefault(kind.get(), Set.of());
            String example = known.isEmpty() ? kind.get().wireName() + " takes no parameters"
                    : "the parameters of " + kind.get().wireName() + " are " + String.join(", ", sorted(known));
            if (!(tuple.getValueNode() instanceof MappingNode parameters)) {
                at(id, tuple.getValueNode(), "the parameters of " + kind.get().wireName() + " must be a mapping; "
                        + example);
                return null;
            }
            int errorsBefore = errors.size();
            IsolationType isolationType = null;
            ScanType scanType = null;
            int maxFiles = MachineActionSpec.MAX_FILES_DEFAULT;
            Set<String> seen = new HashSet<>();
            for (NodeTuple parameter : parameters.getValue()) {
                String key = parameter.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
                if (key == null || !known.contains(key)) {
                    at(id, parameter.getKeyNode(), "unknown parameter " + (key == null ? "(not text)"
                            : "'" + printable(key) + "'") + " of " + kind.get().wireName() + "; " + example);
                    continue;
                }
                if (!seen.add(key)) {
                    at(id, parameter.getKeyNode(), "the parameter " + key + " appears twice");
                    continue;
                }
                String value = parameter.getValueNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
                switch (key) {
                    case ISOLATION_TYPE -> {
                        isolationType = RULE_ISOLATION_TYPES.stream().filter(t -> t.name().equals(value)).findFirst()
                                .orElse(null);
                        if (isolationType == null) {
                            at(id, parameter.getValueNode(), "isolationType " + shown(value)
                                    + " is not Full or Selective");
                        }
                    }
                    case SCAN_TYPE -> {
                        scanType = Arrays.stream(ScanType.values()).filter(t -> t.name().equals(value)).findFirst()
                                .orElse(null);
                        if (scanType == null) {
                            at(id, parameter.getValueNode(), "scanType " + shown(value) + " is not Quick or Full");
                        }
                    }
                    default -> { // MAX_FILES
                        Integer files = value != null && value.matches("[0-9]{1,3}") ? Integer.valueOf(value) : null;
                        if (files == null || files < 1 || files > MachineActionSpec.MAX_FILES_LIMIT) {
                            at(id, parameter.getValueNode(), "maxFiles " + shown(value) + " must be a whole number "
                                    + "from 1 to " + MachineActionSpec.MAX_FILES_LIMIT);
                        } else {
                            maxFiles = files;
                        }
                    }
                }
            }
            if (kind.get() == MachineActionKind.ANTIVIRUS_SCAN && scanType == null && !seen.contains(SCAN_TYPE)) {
                at(id, tuple.getKeyNode(), "antivirusScan needs scanType: Quick or Full");
            }
            if (errors.size() > errorsBefore) {
                return null;
            }
            return new ListedAction(kind.get(), tuple.getKeyNode(), isolationType, scanType, maxFiles);
        }

        private IsolationType readIsolation(String id, NodeTuple field, NodeTuple actionsField, ActionsRead actions) {
            ListedAction isolate = actions == null ? null : actions.find(MachineActionKind.ISOLATE);
            if (field == null) {
                if (isolate != null && isolate.isolationType() == null) {
                    at(id, actionsField.getKeyNode(), "the rule isolates, so it needs 'isolation: Full' or "
                            + "'isolation: Selective' (or {isolate: {isolationType: Selective}} in its actions)");
                }
                return isolate == null ? null : isolate.isolationType();
            }
            String value = scalar(id, field, "'isolation' must be Full or Selective");
            if (value == null) {
                return null;
            }
            IsolationType isolation = null;
            for (IsolationType type : RULE_ISOLATION_TYPES) {
                if (type.name().equals(value)) {
                    isolation = type;
                }
            }
            if (isolation == null) {
                at(id, field.getValueNode(), "isolation '" + printable(value) + "' is not Full or Selective");
                return null;
            }
            if (actions != null && isolate == null) {
                at(id, field.getKeyNode(), "'isolation' is set but the actions do not include isolate");
            } else if (isolate != null && isolate.isolationType() != null) {
                at(id, field.getKeyNode(), "the isolation type is set twice: by 'isolation' and by isolate's "
                        + "isolationType; keep one");
            }
            return isolation;
        }

        private List<String> readRecipients(String id, NodeTuple field, ActionsRead actions) {
            if (field == null) {
                return List.of();
            }
            if (!(field.getValueNode() instanceof SequenceNode sequence)) {
                at(id, field.getValueNode(), "'notify' must be a list of email addresses");
                return List.of();
            }
            if (actions != null && !actions.notifies && !sequence.getValue().isEmpty()) {
                at(id, field.getKeyNode(), "'notify' lists recipients but the actions do not include notify");
            }
            List<String> recipients = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                String address = item instanceof ScalarNode scalar ? scalar.getValue() : null;
                if (address == null || address.length() > MAX_ADDRESS_LENGTH || !ADDRESS.matcher(address).matches()) {
                    at(id, item, "'" + (address == null ? "(not text)" : printable(address))
                            + "' is not a plain email address (local@domain, no name or quotes)");
                } else if (!recipients.contains(address)) {
                    recipients.add(address);
                }
            }
            return recipients;
        }

        private boolean readDryRun(String id, NodeTuple field) {
            if (field == null) {
                return false;
            }
            String value = scalar(id, field, "'dryRun' must be true or false");
            if ("true".equals(value)) {
                return true;
            }
            if (value != null && !"false".equals(value)) {
                at(id, field.getValueNode(), "'dryRun' must be true or false, not '" + printable(value) + "'");
            }
            return false;
        }

        /** The mapping's fields by name; unknown and repeated names are errors. */
        private Map<String, NodeTuple> fields(String id, MappingNode mapping, Set<String> known) {
            Map<String, NodeTuple> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String name = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
                if (name == null || !known.contains(name)) {
                    at(id, tuple.getKeyNode(), "unknown field " + (name == null ? "(not text)"
                            : "'" + printable(name) + "'") + "; the fields are " + String.join(", ", sorted(known)));
                } else if (fields.containsKey(name)) {
                    at(id, tuple.getKeyNode(), "the field " + name + " appears twice");
                } else {
                    fields.put(name, tuple);
                }
            }
            return fields;
        }

        private NodeTuple find(MappingNode mapping, String name) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && name.equals(scalar.getValue())) {
                    return tuple;
                }
            }
            return null;
        }

        private String scalar(String id, NodeTuple field, String message) {
            if (field.getValueNode() instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            at(id, field.getValueNode(), message);
            return null;
        }

        private void at(String id, Node node, String message) {
            int[] place = node == null ? new int[] {1, 1} : positions.of(node.getStartMark());
            errors.add(error(id, place[0], place[1], message));
        }
    }

    /** One entry of a rule's actions list; {@code kind} null for notify. */
    private record ListedAction(MachineActionKind kind, Node node, IsolationType isolationType, ScanType scanType,
            int maxFiles) {
    }

    /** A rule's actions list as read, before the isolation type is known. */
    private static final class ActionsRead {

        private final List<ListedAction> listed = new ArrayList<>();
        private boolean notifies;

        ListedAction find(MachineActionKind kind) {
            return listed.stream().filter(action -> action.kind() == kind).findFirst().orElse(null);
        }

        List<RuleAction> ruleActions() {
            List<RuleAction> actions = new ArrayList<>();
            if (find(MachineActionKind.ISOLATE) != null) {
                actions.add(RuleAction.ISOLATE);
            }
            if (notifies) {
                actions.add(RuleAction.NOTIFY);
            }
            return actions;
        }

        List<MachineActionSpec> specs(IsolationType isolation) {
            return listed.stream().map(action -> new MachineActionSpec(action.kind(),
                    action.kind() == MachineActionKind.ISOLATE ? isolation : null, action.scanType(),
                    action.kind() == MachineActionKind.STOP_AND_QUARANTINE_FILE ? action.maxFiles() : 0)).toList();
        }
    }

    private static String shown(String value) {
        return value == null ? "(not text)" : "'" + printable(value) + "'";
    }

    private static List<String> sorted(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        list.sort(null);
        return list;
    }

    /** Text from the file, shortened and without control characters, for error messages. */
    private static String printable(String value) {
        String cleaned = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "…" : cleaned;
    }
}
