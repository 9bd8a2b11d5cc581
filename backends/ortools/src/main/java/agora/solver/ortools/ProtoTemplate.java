package agora.solver.ortools;

import agora.solver.QpModel;
import com.google.ortools.linearsolver.MPConstraintProto;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a model as OR-Tools protos, built once per {@link QpModel.Structure} (rows and their
 * bounds do not change between steps) and shared: protos are immutable.
 */
final class ProtoTemplate {
    final List<MPConstraintProto> constraints;

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
}
