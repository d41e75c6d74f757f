print("campfire")
