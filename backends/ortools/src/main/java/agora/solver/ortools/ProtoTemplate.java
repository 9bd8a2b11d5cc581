package agora.solver.ortools;

import agora.solver.QpModel;
import com.google.ortools.linearsolver.MPConstraintProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows of a model as OR-Tools protos, built once per {@link QpModel.Structure} (rows and their
 * bounds do not change between steps) and shared: protos are immutable. PDLP gets the rows in
 * scaled units ({@link Scaling}), which changes only their bounds; market rows are balances with
 * bounds of 0 or infinity, which scaling leaves alone, so they are built once; rows with other
 * bounds are rebuilt per power of two and kept (a year of steps meets a handful of powers).
 */
final class ProtoTemplate {
    /** More distinct powers than this are not cached (they would not come from one scenario). */
    private static final int CACHED_POWERS = 32;

    private final QpModel.Structure structure;
    private final List<MPConstraintProto> unscaled;
    private final boolean scalingMovesBounds;
    private final Map<Double, List<MPConstraintProto>> scaled = new ConcurrentHashMap<>();

    ProtoTemplate(QpModel.Structure structure) {
        this.structure = structure;
        this.unscaled = build(structure, 1.0);
        this.scalingMovesBounds = hasBoundsScalingMoves(structure);
    }

    /** The rows with bounds divided by {@code power}. */
    List<MPConstraintProto> rows(double power) {
        if (power == 1.0 || !scalingMovesBounds) {
            return unscaled;
        }
        List<MPConstraintProto> rows = scaled.get(power);
        if (rows != null) {
            return rows;
        }
        rows = build(structure, power);
        if (scaled.size() < CACHED_POWERS) {
            scaled.putIfAbsent(power, rows);
        }
        return rows;
    }

    private static List<MPConstraintProto> build(QpModel.Structure structure, double power) {
        List<MPConstraintProto> rows = new ArrayList<>(structure.constraintCount());
        for (int i = 0; i < structure.constraintCount(); i++) {
            MPConstraintProto.Builder row = MPConstraintProto.newBuilder()
                    .setLowerBound(structure.rowLower()[i] / power)
                    .setUpperBound(structure.rowUpper()[i] / power);
            for (int k = structure.rowStart()[i]; k < structure.rowStart()[i + 1]; k++) {
                row.addVarIndex(structure.columnIndex()[k]).addCoefficient(structure.coefficient()[k]);
            }
            rows.add(row.build());
        }
        return List.copyOf(rows);
    }

    private static boolean hasBoundsScalingMoves(QpModel.Structure structure) {
        for (int i = 0; i < structure.constraintCount(); i++) {
            if (movesWithScaling(structure.rowLower()[i]) || movesWithScaling(structure.rowUpper()[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean movesWithScaling(double bound) {
        return bound != 0.0 && Double.isFinite(bound);
    }
}
