package agora.topology;

/** A node of the collective tree: the root market, a collective, or a peer (always a leaf). */
public sealed interface TreeNode permits TreeNode.Root, TreeNode.CollectiveNode, TreeNode.PeerNode {

    String name();

    record Root(String name) implements TreeNode {
    }

    record CollectiveNode(String name) implements TreeNode {
    }

    record PeerNode(String name) implements TreeNode {
    }
}
