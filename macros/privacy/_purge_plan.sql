{#- What steadyflow.purge does to each relation, in order: a list of
      {'name': shown name, 'relation': Relation or none, 'action': 'delete' | 'drop' | 'skip', 'why': text}
    plus 'left' (tables built from the named ones that still hold their rows, when downstream is false).
    The named relations are resolved like steadyflow_compact's (a model, seed or snapshot name, or
    schema.table); with downstream, every node reachable from them in the manifest's graph is visited:
      a table, incremental model or snapshot      delete the matching rows
      a test whose failures are stored (a table)  drop it: its rows cannot be matched by `where`, and the next
                                                  `dbt test --store-failures` rebuilds it
      a view, an ephemeral model, a node not built  skip (nothing stored), and go on through it -#}
{% macro _purge_plan(names, downstream) %}
    {%- set steps = [] -%}
    {%- set start_ids = [] -%}
    {%- for name in names -%}
        {%- set relation = steadyflow._compact_resolve_relation(name, "steadyflow.purge", "purged") -%}
        {#- a namespace: a plain `set` inside the loop below would not change `why` after it (Jinja scoping) -#}
        {%- set found = namespace(why="named") -%}
        {%- set nodes = graph.nodes.values() | selectattr("resource_type", "in", ["model", "seed", "snapshot"])
              | selectattr("name", "equalto", name) | list if "." not in name else [] -%}
        {%- for node in nodes -%}
            {%- do start_ids.append(node.unique_id) -%}
            {%- if node.resource_type == "seed" -%}
                {%- set found.why = "named; a seed: its CSV file still holds the rows, edit it or the next `dbt seed` reloads them" -%}
            {%- endif -%}
        {%- endfor -%}
        {%- do steps.append({'name': name, 'relation': relation, 'action': 'delete', 'why': found.why}) -%}
    {%- endfor -%}

    {%- set children = {} -%}
    {%- for node in graph.nodes.values() -%}
        {%- for parent in node.depends_on.nodes -%}
            {%- do children.setdefault(parent, []).append(node.unique_id) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set seen = start_ids | list -%}
    {%- set queue = start_ids | list -%}
    {%- set reached = [] -%}
    {#- breadth-first over the graph (Jinja has no while: at most one step per node) -#}
    {%- for _ in graph.nodes -%}
        {%- if queue -%}
            {%- set current = queue.pop(0) -%}
            {%- for child in children.get(current, []) | sort if child not in seen -%}
                {%- do seen.append(child) -%}
                {%- do queue.append(child) -%}
                {%- do reached.append(graph.nodes[child]) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}

    {%- set left = [] -%}
    {%- for node in reached if node.resource_type in ["model", "snapshot", "test"] -%}
        {%- set relation = adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias or node.name) -%}
        {%- if relation is none -%}
            {%- set step = {'name': node.name, 'relation': none, 'action': 'skip', 'why': "not built, nothing stored"} -%}
        {%- elif not relation.is_table -%}
            {%- set step = {'name': node.name, 'relation': relation, 'action': 'skip', 'why': "a " ~ relation.type ~ ", no rows stored"} -%}
        {%- elif node.resource_type == "test" -%}
            {%- set step = {'name': node.name, 'relation': relation, 'action': 'drop',
                  'why': "stored test failures, rebuilt by the next dbt test --store-failures"} -%}
        {%- else -%}
            {%- set step = {'name': node.name, 'relation': relation, 'action': 'delete', 'why': "downstream " ~ node.resource_type} -%}
        {%- endif -%}
        {%- if downstream -%}
            {%- do steps.append(step) -%}
        {%- elif step.action != "skip" -%}
            {%- do left.append(node.name) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return({'steps': steps, 'left': left}) }}
{% endmacro %}
