print("sakip-bench: nothing yet")
