// space-query.jsh: build a latent space, query it under several distance metrics, attend over it.
//
//   ./lb jshell scripts/space-query.jsh
//
// Vector 500 is planted as a near-duplicate of vector 17 (1.01 times as long), and the query is
// vector 17 itself: the metrics of closeness answer 17 first and 500 second, the dot product,
// which rewards length, 500 first. Settings, from the environment or -R-D system properties
// (the property wins):
//   LB_DIM / lb.dim          dimension (default 64)
//   LB_VECTORS / lb.vectors  how many random vectors (default 2000, at least 501)
//   LB_K / lb.k              neighbours per query (default 5)
import java.util.Locale;

String setting(String property, String env, String fallback) {
    return System.getProperty(property, System.getenv().getOrDefault(env, fallback));
}
int dim = Integer.parseInt(setting("lb.dim", "LB_DIM", "64"));
int count = Integer.parseInt(setting("lb.vectors", "LB_VECTORS", "2000"));
int k = Integer.parseInt(setting("lb.k", "LB_K", "5"));
if (count <= 500) throw new IllegalArgumentException("LB_VECTORS must be at least 501 (vector 500 is planted), got " + count);

Random random = new Random(42);
float[][] data = new float[count][dim];
for (float[] v : data) {
    for (int j = 0; j < dim; j++) v[j] = random.nextFloat() * 2 - 1;
}
for (int j = 0; j < dim; j++) data[500][j] = data[17][j] * 1.01f + 0.001f;
float[] query = data[17].clone();

String ids(List<Neighbor> hits) {
    return hits.stream().map(h -> Long.toString(h.id())).collect(Collectors.joining(", ", "[", "]"));
}

for (DistanceMetric metric : List.of(DistanceMetric.euclidean(), DistanceMetric.cosine(), DistanceMetric.manhattan(),
        DistanceMetric.dotProduct(), DistanceMetric.hyperbolic(-1.0))) {
    LatentSpace space = LatentSpace.create(LatentConfig.builder(dim).distanceMetric(metric).build());
    space.addAll(data);
    List<Neighbor> hits = space.knn(query, k);
    System.out.printf(Locale.ROOT, "knn %-28s ids %s  nearest distance %.4f%n", metric, ids(hits), hits.get(0).distance());
}

// Attention: Flash computes Standard's output in one blocked pass; MultiHead and MoE differ by design.
float[] attend(AttentionType type) {
    LatentSpace space = LatentSpace.create(LatentConfig.builder(dim).attentionType(type).numHeads(8).build());
    space.addAll(data);
    return space.attention(query);
}
double norm(float[] v) {
    double s = 0;
    for (float x : v) s += (double) x * x;
    return Math.sqrt(s);
}
float[] standard = attend(AttentionType.standard());
float[] flash = attend(AttentionType.flash());
double diff = 0;
for (int j = 0; j < dim; j++) diff += Math.pow(standard[j] - flash[j], 2);
System.out.printf(Locale.ROOT, "attention flash vs standard: relative L2 difference %.3e%n", Math.sqrt(diff) / norm(standard));
for (AttentionType type : List.of(AttentionType.standard(), AttentionType.multiHead(8), AttentionType.moe(4))) {
    System.out.printf(Locale.ROOT, "attention %-28s output norm %.4f%n", type, norm(attend(type)));
}
/exit
