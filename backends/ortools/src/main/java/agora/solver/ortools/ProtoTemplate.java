package agora.solver.ortools;

import agora.solver.QpModel;
import com.google.ortools.linearsolver.MPConstraintProto;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a model as OR-Tools protos, built once per {@link QpModel.Structure} and shared
 * (protos are immutable). Their bounds are the structure's; {@link #constraint} gives a step its
 * own, which after the presolve are shifted by the fixed variables it removed.
 */
final class ProtoTemplate {
    private final List<MPConstraintProto> constraints;

    ProtoTemplate(QpModel.Structure structure) {
        List<MPConstraintProto> rows = new ArrayList<>(structure.constraintCount());
        for (int i = 0; i < structure.constraintCount(); i++) {
            MPConstraintProto.Builder row = MPConstraintProto.newBuilder()
                    .setLowerBound(structure.rowLower()[i])
                    .setUpperBound(structure.rowUpper()[i]);
            for (int k = structure.rowStart()[i]; k < structure.rowStart()[i + 1]; k++) {
                row.addVarIndex(structure.columnIndex()[k]).addCoefficient(structure.coefficient()[k]);
            }
            rows.add(row.build());
        }
        constraints = List.copyOf(rows);
    }

    /** Row {@code i} with the model's bounds (the shared proto itself when they are the structure's). */
    MPConstraintProto constraint(QpModel model, int i) {
        MPConstraintProto row = constraints.get(i);
        if (row.getLowerBound() == model.rowLower(i) && row.getUpperBound() == model.rowUpper(i)) {
            return row;
        }
        return row.toBuilder().setLowerBound(model.rowLower(i)).setUpperBound(model.rowUpper(i)).build();
    }
}
